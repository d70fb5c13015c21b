/** A cleaned document, ready for chunking. One raw file may yield several (the magazine issue → one per article). */
export interface CorpusDocument {
  /** Stable id: `${fileStem}` or `${fileStem}#${articleIndex}` for split files. */
  id: string;
  title: string;
  /** Publisher / source (公众号, magazine name, department). */
  source: string | null;
  /** YYYY-MM-DD (or YYYY-MM / YYYY) when the text states one. */
  date: string | null;
  /** Author or unit (单位) when stated. */
  author: string | null;
  /** Clean text: paragraphs separated by "\n", no page chrome. */
  text: string;
  /** Source file (relative path) it came from. */
  file: string;
  /** sha256 of the raw file content: re-ingesting an unchanged file does nothing. */
  fileHash: string;
  /** Column/section of a magazine article (卷首语, 交流发言, 调研报告 …) when the contents page names one. */
  section?: string | null;
  /** Original publication when the text names one (来源：绍兴日报) and it differs from `source`. */
  origin?: string | null;
}
