/**
 * help.html, the page the pane's «Справка» link opens, made from docs/guide-ru.md so the guide has one source.
 * Screenshots are inlined as data: URLs, so the page works from any folder of the add-in's server and fetches nothing.
 *
 *   node scripts/guide-help.mjs            writes src/taskpane/help.html (webpack copies it into dist/)
 *   node scripts/guide-help.mjs --check    exit 1 when src/taskpane/help.html is not what the guide makes
 *
 * The Markdown is the small subset the guide uses: headings, paragraphs, lists, tables, images, links, bold, code.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const GUIDE = path.join(ROOT, "docs", "guide-ru.md");
export const HELP_PAGE = path.join(ROOT, "src", "taskpane", "help.html");

const escapeHtml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function inline(text) {
  const codes = [];
  let html = escapeHtml(text).replace(/`([^`]+)`/g, (_m, code) => {
    codes.push(`<code>${code}</code>`);
    return `@@code${codes.length - 1}@@`;
  });
  html = html
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, label, href) => `<a href="${href}" target="_blank" rel="noopener">${label}</a>`);
  return html.replace(/@@code(\d+)@@/g, (_m, i) => codes[Number(i)]);
}

function slug(text, used) {
  const base = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "razdel";
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** The guide's Markdown as the body of an HTML page; `image(src)` gives each image's URL. */
export function markdownToHtml(markdown, image) {
  const lines = markdown.replace(/\r\n/g, "\n").split("\n");
  const out = [];
  const toc = [];
  const ids = new Set();
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    const heading = /^(#{1,4}) (.*)$/.exec(line);
    if (heading) {
      const level = heading[1].length;
      const id = slug(heading[2], ids);
      if (level === 2) toc.push({ id, text: heading[2] });
      out.push(`<h${level} id="${id}">${inline(heading[2])}</h${level}>`);
      i++;
      continue;
    }
    const picture = /^!\[([^\]]*)\]\(([^)]+)\)\s*$/.exec(line);
    if (picture) {
      out.push(`<figure><img src="${image(picture[2])}" alt="${escapeHtml(picture[1])}"><figcaption>${inline(picture[1])}</figcaption></figure>`);
      i++;
      continue;
    }
    if (line.startsWith("|")) {
      const rows = [];
      while (i < lines.length && lines[i].startsWith("|")) rows.push(lines[i++]);
      const cells = (row) => row.replace(/^\||\|$/g, "").split("|").map((cell) => cell.trim());
      const [head, , ...body] = rows;
      out.push(
        `<table><thead><tr>${cells(head).map((c) => `<th scope="col">${inline(c)}</th>`).join("")}</tr></thead><tbody>` +
          body.map((row) => `<tr>${cells(row).map((c) => `<td>${inline(c)}</td>`).join("")}</tr>`).join("") +
          "</tbody></table>",
      );
      continue;
    }
    if (line.startsWith("```")) {
      const code = [];
      i++;
      while (i < lines.length && !lines[i].startsWith("```")) code.push(lines[i++]);
      i++;
      out.push(`<pre><code>${escapeHtml(code.join("\n"))}</code></pre>`);
      continue;
    }
    const listItem = /^(\s*)(-|\d+\.) (.*)$/;
    if (listItem.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items = [];
      while (i < lines.length && lines[i].trim()) {
        const match = listItem.exec(lines[i]);
        if (match) items.push(match[3]);
        else items[items.length - 1] += ` ${lines[i].trim()}`;
        i++;
      }
      const tag = ordered ? "ol" : "ul";
      out.push(`<${tag}>${items.map((item) => `<li>${inline(item)}</li>`).join("")}</${tag}>`);
      continue;
    }
    const paragraph = [];
    while (i < lines.length && lines[i].trim() && !/^(#|!\[|\||```|\s*(-|\d+\.) )/.test(lines[i])) paragraph.push(lines[i++].trim());
    out.push(`<p>${inline(paragraph.join(" "))}</p>`);
  }
  const [title, ...rest] = out;
  const contents = `<nav aria-label="Содержание"><h2 class="toc">Содержание</h2><ul>${toc.map((item) => `<li><a href="#${item.id}">${inline(item.text)}</a></li>`).join("")}</ul></nav>`;
  return `${title}\n${contents}\n${rest.join("\n")}`;
}

const STYLE = `
  :root { color-scheme: light dark; }
  body { font-family: "Segoe UI", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, sans-serif;
    max-width: 52rem; margin: 0 auto; padding: 16px; line-height: 1.5; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; } h3 { font-size: 1.1rem; }
  h2.toc { font-size: 1.1rem; margin-top: 1rem; }
  figure { margin: 1rem 0; } figure img { max-width: 100%; height: auto; border: 1px solid #8a8886; }
  figcaption { font-size: 0.9rem; opacity: 0.8; }
  table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #8a8886; padding: 4px 8px; text-align: left; vertical-align: top; }
  code, pre { font-family: Consolas, "Liberation Mono", monospace; } pre { overflow-x: auto; padding: 8px; border: 1px solid #8a8886; }
`;

/** The whole help page. */
export function helpPage() {
  const markdown = fs.readFileSync(GUIDE, "utf8");
  const image = (src) => {
    const file = path.join(path.dirname(GUIDE), src);
    if (!fs.existsSync(file)) throw new Error(`docs/guide-ru.md: нет снимка ${src} (npm run guide:screenshots)`);
    return `data:image/png;base64,${fs.readFileSync(file).toString("base64")}`;
  };
  const title = /^# (.*)$/m.exec(markdown)?.[1] ?? "Реестр процессов";
  return `<!doctype html>
<!-- Made by scripts/guide-help.mjs from docs/guide-ru.md: edit the guide and run \`npm run guide:help\`, never this file. -->
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${markdownToHtml(markdown, image)}
</main>
</body>
</html>
`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const page = helpPage();
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(HELP_PAGE) ? fs.readFileSync(HELP_PAGE, "utf8") : "";
    if (current !== page) {
      console.error("src/taskpane/help.html устарел: выполните npm run guide:help");
      process.exit(1);
    }
  } else {
    fs.writeFileSync(HELP_PAGE, page);
    console.log(`${path.relative(ROOT, HELP_PAGE)}: ${Math.round(page.length / 1024)} КБ`);
  }
}
