/**
 * Files that become knowledge: an admin sends a .docx/.pdf/.txt/.md/.html file to the robot; it is
 * downloaded with the robot file download API (POST /v1.0/robot/messageFiles/download → a short-lived
 * downloadUrl), saved under `${dataDir}/uploads/dingtalk/<name>` (a stable path: sending a new version
 * replaces the old one, the same bytes again change nothing) and ingested through the corpus pipeline
 * (load → clean → store). The reply names the document, its chunk count and a question it now answers.
 *
 * Failures say why and leave the library as it was: nothing is written before the download succeeded, and
 * a file that fails to ingest is removed again (or its previous version restored).
 *
 * Reloading the search index is not done here: `onLibraryChanged` does it (src/app/run.ts passes applyLibraryChange,
 * which reaches every replica through the library version in Redis).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { ingestPaths, type IngestReport } from '../../corpus/index.js';
import { readRecord } from '../../corpus/ingest-store.js';
import type { Reply } from '../../messaging/reply.js';
import type { Logger } from '../../observability/logger.js';
import { chunkDocument } from '../../retrieval/chunker.js';
import type { DingTalkApi } from './api-client.js';

export const INGEST_EXTENSIONS = ['.docx', '.pdf', '.txt', '.md', '.html', '.htm'] as const;
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const FILE_TEXTS = {
  notAdmin: '抱歉，只有管理员可以把文件加入政策资料库。如需添加，请把文件转给管理员发送。',
  unsupportedType: (ext: string) =>
    `暂不支持导入 ${ext || '这种'} 文件。可以导入的格式：.docx、.pdf、.txt、.md、.html。`,
  downloadFailed: '文件没有导入：从钉钉下载文件失败，请稍后重新发送。资料库保持不变。',
  tooLarge: (mb: number) => `文件没有导入：文件超过 ${mb} MB。请拆分后分别发送。资料库保持不变。`,
  failed: (reason: string) => `文件没有导入：${reason}。资料库保持不变。`,
  unchanged: (name: string) => `《${name}》已在资料库中，内容没有变化。`,
  reloadPending: '（其他服务实例重新加载资料库后即可检索到。）',
} as const;

export interface FileMessage {
  downloadCode: string;
  fileName: string;
}

export interface FileIngestDeps {
  api: DingTalkApi;
  dataDir: string;
  corpusDir: string;
  logger: Logger;
  timeoutMs?: number;
  /** The library changed: reload the search index (src/app/run.ts: applyLibraryChange, on every replica). */
  onLibraryChanged?: (report: IngestReport) => Promise<void>;
}

/** A file name safe to use as one path segment (keeps the extension). */
export function safeFileName(name: string): string {
  const base = path
    .basename(name.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_')
    .replace(/^\.+/, '_');
  if (base.length <= 120) return base || 'upload.txt';
  const ext = path.extname(base).slice(0, 10);
  return `${base.slice(0, 120 - ext.length)}${ext}`;
}

/** A question the new document answers, from its title. */
export function sampleQuestion(title: string): string {
  const t = title
    .replace(/^关于/, '')
    .replace(/的(通知|公告|意见|办法|决定)$/, '')
    .trim();
  return `${t || title}有哪些主要内容？`;
}

const text = (t: string, title = '资料导入'): Reply => ({
  intent: 'admin',
  title,
  blocks: [{ type: 'paragraph', text: t }],
});

async function download(api: DingTalkApi, code: string, timeoutMs: number): Promise<Buffer | 'too_large'> {
  const url = await api.fileDownloadUrl(code);
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`download HTTP ${res.status}`);
  if (Number(res.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES) return 'too_large';
  const bytes = Buffer.from(await res.arrayBuffer());
  return bytes.length > MAX_UPLOAD_BYTES ? 'too_large' : bytes;
}

/** Ingest one file message from an admin. Never throws: every outcome is a reply. */
export async function ingestFileMessage(file: FileMessage, deps: FileIngestDeps): Promise<Reply> {
  const log = deps.logger.child({ file: file.fileName });
  const name = safeFileName(file.fileName);
  const ext = path.extname(name).toLowerCase();
  if (!(INGEST_EXTENSIONS as readonly string[]).includes(ext)) return text(FILE_TEXTS.unsupportedType(ext));

  let bytes: Buffer | 'too_large';
  try {
    bytes = await download(deps.api, file.downloadCode, deps.timeoutMs ?? 30_000);
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'file download failed');
    return text(FILE_TEXTS.downloadFailed);
  }
  if (bytes === 'too_large') return text(FILE_TEXTS.tooLarge(MAX_UPLOAD_BYTES / 1024 / 1024));

  const dir = path.join(deps.dataDir, 'uploads', 'dingtalk');
  const target = path.resolve(dir, name);
  await fs.mkdir(dir, { recursive: true });
  const previous = await fs.readFile(target).catch(() => null);
  await fs.writeFile(target, bytes);
  const report = await ingestPaths([target], { dataDir: deps.dataDir, corpusDir: deps.corpusDir });
  const result = report.files[0];
  if (!result || result.status === 'failed') {
    // Leave the library as it was: the previous version back, or no file at all.
    await (previous ? fs.writeFile(target, previous) : fs.rm(target, { force: true })).catch(() => undefined);
    log.warn({ reason: result?.reason }, 'uploaded file not ingested');
    return text(FILE_TEXTS.failed(result?.reason ?? '未知原因'));
  }
  const record = await readRecord(deps.dataDir, target);
  const docs = record?.documents ?? [];
  const title = docs[0]?.title ?? path.basename(name, ext);
  if (result.status === 'unchanged') return text(FILE_TEXTS.unchanged(title));

  let chunks = 0;
  for (const d of docs) chunks += (await chunkDocument(d)).length;
  let reloaded = false;
  if (deps.onLibraryChanged) {
    try {
      await deps.onLibraryChanged(report);
      reloaded = true;
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'library reload after an upload failed');
    }
  }
  log.info({ status: result.status, documents: docs.length, chunks }, 'uploaded file ingested');
  const verb = result.status === 'updated' ? '已更新' : '已加入资料库';
  return {
    intent: 'admin',
    title: '资料导入成功',
    blocks: [
      {
        type: 'paragraph',
        text: `${verb}：《${title}》${docs.length > 1 ? `等 ${docs.length} 篇文档` : ''}，共 ${chunks} 个片段。`,
      },
      { type: 'paragraph', text: `现在可以这样问：${sampleQuestion(title)}` },
      ...(reloaded ? [] : [{ type: 'note' as const, text: FILE_TEXTS.reloadPending }]),
    ],
  };
}
