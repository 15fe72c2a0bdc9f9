// sameAnswer(): an API answer's markdown against the page's rendered text. The rendered texts
// are copied from the saved real page (page-2026-03-saved.html, answers 2 and 4) as the adapter
// reads them; the markdown is how claude.ai's API writes such answers.
import { describe, expect, it } from 'vitest';
import { compactText, sameAnswer } from '../../../src/sites/text-match';

const RENDERED_STEPS = [
  '我來一步步教你如何在 GitHub 上設定並執行這個 MLB Bot！',
  '第一步：建立 GitHub 儲存庫',
  '1. 前往 github.com 並登入',
  '2. 點右上角 "+" → "New repository"',
  '3. 填寫：',
  '- Repository name：mlb-bot（或任何名稱）',
  '- 選 Private（避免 API Key 外洩風險）',
  '4. 點 "Create repository"',
  '第二步：上傳程式碼',
  '1. 在新建的 repo 頁面，點 "Add file" → "Upload files"',
  '2. 把剛才下載的 mlb_bot.py 拖進去',
  '3. 點 "Commit changes"',
].join('\n');

const MARKDOWN_STEPS = `我來一步步教你如何在 GitHub 上設定並執行這個 MLB Bot！

---

## 第一步：建立 GitHub 儲存庫

1. 前往 [github.com](https://github.com/) 並登入
2. 點右上角 **"+"** → **"New repository"**
3. 填寫：
   - Repository name：\`mlb-bot\`（或任何名稱）
   - 選 **Private**（避免 API Key 外洩風險）
4. 點 **"Create repository"**

---

## 第二步：上傳程式碼

1. 在新建的 repo 頁面，點 **"Add file"** → **"Upload files"**
2. 把剛才下載的 \`mlb_bot.py\` 拖進去
3. 點 **"Commit changes"**`;

/** A later answer in the same chat on the same task: much shared vocabulary, not the same answer. */
const RENDERED_OTHER_STEPS = [
  '先幫你生成 MLB 版本，再給完整安裝步驟。',
  '兩個檔案都下載好後，按照以下步驟安裝：',
  '步驟一：建立 GitHub 儲存庫',
  '1. 前往 github.com → 右上角 "+" → "New repository"',
  '2. 名稱填 mlb-bot，選 Private',
  '3. 點 "Create repository"',
  '步驟二：上傳程式碼',
  '1. repo 頁面點 "Add file" → "Upload files"',
  '2. 把 mlb_bot_v101.py 拖進去',
  '3. 點 "Commit changes"',
].join('\n');

describe('sameAnswer', () => {
  it('matches markdown with its rendering (headings, rules, bold, links, inline code, nested lists)', () => {
    expect(sameAnswer(MARKDOWN_STEPS, RENDERED_STEPS)).toBe(true);
  });

  it('matches an English answer with a link and code', () => {
    expect(sameAnswer(
      '- **Agree:** the [cache layer](https://example.org/cache) matches the doc.\n- **Gap:** the retry policy is missing; the script prints `cache ok`.\n\n```bash\nrm -rf ~/.cache/app\n```',
      '- Agree: the cache layer matches the doc.\n- Gap: the retry policy is missing; the script prints cache ok.\nrm -rf ~/.cache/app',
    )).toBe(true);
  });

  it('does not match another answer on the same task', () => {
    expect(sameAnswer(MARKDOWN_STEPS, RENDERED_OTHER_STEPS)).toBe(false);
  });

  it('does not match a page showing only part of the answer, or an answer with more on the page', () => {
    const firstLines = RENDERED_STEPS.split('\n').slice(0, 4).join('\n');
    expect(sameAnswer(MARKDOWN_STEPS, firstLines)).toBe(false);
    expect(sameAnswer(MARKDOWN_STEPS, `${RENDERED_STEPS}\n${RENDERED_OTHER_STEPS}`)).toBe(false);
  });

  it('compares short answers exactly', () => {
    expect(sameAnswer('**Yes.**', 'Yes.')).toBe(true);
    expect(sameAnswer('Yes.', 'No.')).toBe(false);
    expect(sameAnswer('', '')).toBe(true);
  });

  it('reduces text to lower-case letters and digits in any script', () => {
    expect(compactText('## Ｈello, 世界! `x_1`')).toBe('hello世界x1');
  });
});
