/** Why a file could not be loaded: a stable code and a reason in Chinese and English. */
export type LoadErrorCode = 'unsupported' | 'empty' | 'binary' | 'unreadable' | 'no_text' | 'io';

const REASONS: Record<LoadErrorCode, string> = {
  unsupported: '不支持的文件类型 (unsupported file type)',
  empty: '文件为空 (empty file)',
  binary: '文件不是可读文本，疑似二进制或编码错误 (binary or undecodable content)',
  unreadable: '文件已损坏或格式无法解析 (corrupt or unparseable file)',
  no_text: '文件中没有可提取的正文 (no extractable text)',
  io: '无法读取文件 (cannot read file)',
};

export class LoadError extends Error {
  constructor(
    public readonly code: LoadErrorCode,
    detail?: string,
  ) {
    super(detail ? `${REASONS[code]}：${detail}` : REASONS[code]);
    this.name = 'LoadError';
  }
}
