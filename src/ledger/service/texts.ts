/** Every fixed Chinese sentence the ledger says, in one place. */
import { STATUS_LABELS, type IssueStatus } from '../model.js';

export const EXAMPLE_REPORT = '今天走访了华康药业，企业反映缺3名化工工程师，已交办人社局';

export const TEXTS = {
  board: '看板的文字版就是即时简报：请在本群发送“看板”或“简报”查看。',
  notInGroup: '走访记录和企业问题请在联企小组的群里报送，这样组里的同事都能看到。政策问题在这里也可以直接问。',
  reportInLeadershipGroup: (enterprise: string | null, owners: string[]) =>
    `领导小组群不直接记入问题清单（记在这里，联企小组的问题清单里看不到，也不便跟踪办理）。${
      enterprise && owners.length
        ? `${enterprise}由${owners.join('、')}联系，请在该组群里报送，或把这条消息转给该组。`
        : `${enterprise ? `${enterprise}还没有绑定到联企小组，` : ''}请在负责该企业的联企小组群里报送。`
    }政策问题、问题清单、简报在这里都可以直接问。`,
  unregistered: (title?: string) =>
    `本群${title ? `（${title}）` : ''}还没有登记为联企小组，暂时不能记录走访和问题。\n` +
    '登记方法：在本群发送“绑定企业 企业A、企业B”（例如：绑定企业 华康药业、七一电器），即可把本群登记为联企小组并绑定服务企业；' +
    '也可以请管理员用 zct teams import 批量导入。政策问题可以直接问。',
  storeDown: '台账暂时无法连接，这条消息没有被记录。请稍后重新发送。',
  conflict: '这个问题刚刚被别人更新了，本条没有记录。请查看最新情况（发送问题编号）后重新发送。',
  notRecognized:
    `没有从这条消息里识别出走访、企业问题或进展，所以没有记录。\n报送示例：${EXAMPLE_REPORT}\n` +
    '更新进展：Q-0012 金融办已对接；办结：Q-0012 办结。发送“台账 帮助”查看全部用法。',
  readOnlyHere: (ref: string) =>
    `${ref} 是联企小组的问题：领导小组群里可以查看，交办、办结、修改等请在该组群里操作（发送 ${ref} 可看它属于哪个小组）。`,
  otherTeamList: (name: string) =>
    `本群只能查看本组的问题清单；${name}的问题请在该组群里查看，或由领导小组群查看全部小组。发送“问题清单”查看本组的问题。`,
  noSuchTeam: (name: string) =>
    `没有名为“${name}”的联企小组，本组也没有这家企业。本群只能查看本组的问题清单：发送“问题清单”或“逾期问题”查看。`,
  withdrawnIssue: (ref: string, when: string, who: string) =>
    `${ref} 已撤销（${when} ${who} 撤销），不在问题清单中。发送“问题清单”查看本组的问题。`,
  notFound: (ref: string) => `没有找到本组的问题 ${ref}。发送“问题清单”查看本组的问题。`,
  visitNotFound: (ref: string) => `没有找到本组的走访记录 ${ref}。`,
  closeRefused: (id: string) => `${id} 销号需要管理员核实后操作，本条没有销号。问题已办结的，请联系管理员核实销号。`,
  closedNeedsReopen: (id: string) => `${id} 已销号，不能再更新；如需继续跟进，请先发送“重新打开 ${id}”。`,
  resolvedNote: (id: string) => `${id} 已办结，这条进展已记入历史；如需重新办理，请发送“重新打开 ${id}”。`,
  alreadyIn: (id: string, status: IssueStatus) => `${id} 已经是“${STATUS_LABELS[status]}”状态，没有变化。`,
  reopenNotNeeded: (id: string, status: IssueStatus) => `${id} 目前是“${STATUS_LABELS[status]}”，不需要重新打开。`,
  reopenClosedRefused: (id: string) => `${id} 已由管理员核实销号，重新打开需要管理员操作。`,
  assignNeedsReopen: (id: string, status: IssueStatus) =>
    `${id} 已${STATUS_LABELS[status].replace(/^已/, '')}，如需重新交办，请先发送“重新打开 ${id}”。`,
  undoNotReporter: (id: string) => `${id} 不是您登记的，只有登记人本人可以撤销。如有错误，请联系登记人或管理员。`,
  undoExpired: (id: string, minutes: number) =>
    `${id} 登记已超过 ${minutes} 分钟，不能撤销了。需要更正的，可以直接发送更正（如“${id.startsWith('Q') ? `${id} 交办 人社局` : '报：…'}”），或请管理员处理。`,
  undoNothing: (minutes: number) =>
    `没有找到您在本组 ${minutes} 分钟内登记的记录，无需撤销。撤销指定问题请发送“撤销 Q-0012”。`,
  cancelled: '好的，刚才那条待补充的记录已取消，没有保存。',
  nothingToCancel: '当前没有待补充的记录。',
  undoDraft: '好的，刚才那条待确认的记录已取消，没有保存；之前已保存的记录没有改动（要撤销它，请再发送“撤销”）。',
  skippedAll: '好的，这条没有记录。',
  undoHint: (minutes: number, lastIssue: string | null) =>
    `如有误：${minutes} 分钟内发送“撤销”可撤销本条记录${lastIssue ? `，“撤销 ${lastIssue}”只撤销这一个问题；改交办或期限：“${lastIssue} 交办 人社局 月底前”` : ''}。`,
  updateHint: (id: string) => `查看历史：发送“${id}”。`,
  editNeedsId: (label: string, value: string) =>
    `请写明要修改的问题编号，例如：Q-0012 改 ${label} ${value}。发送“问题清单”查看编号。`,
  editBadDepartment: (v: string) => `“${v}”不像一个部门名称，没有修改。例：Q-0012 改 部门 人社局。`,
  editBadCategory: (v: string, all: string) => `“${v}”不是问题类别，没有修改。可选：${all}。`,
  editBadDate: (v: string) => `没看懂期限“${v}”，没有修改。例：Q-0012 改 期限 12月31日，或 Q-0012 延期到1月31日。`,
  editPastDate: (d: string) => `新期限 ${d} 早于今天，没有修改。`,
  editNeedsValue: (id: string, label: string, example: string) =>
    `请写出新的${label}，例如：${id} 改 ${label} ${example}。没有修改。`,
  editYearUnclear: (v: string, due: string) =>
    `“${v}”今年已经过去（${due}），期限不能改到过去；如果指的是明年，请写明年份（如“${Number(due.slice(0, 4)) + 1}年${Number(due.slice(5, 7))}月${Number(due.slice(8, 10))}日”）。没有修改。`,
  nothingToResolve: (enterprise: string, category: string) =>
    `${enterprise}没有在办的${category}问题，这条办结消息没有记录。如果是别的问题办结了，请发送它的编号（如“Q-0012 办结”）；发送“问题清单”查看本组的问题。`,
  defaultDeadline: (days: number) =>
    `消息没有写办理期限，已按默认 ${days} 天设定；要改：发送“Q-编号 改 期限 12月31日”。`,
  /** A report's deadline that has already passed (a yearless date read as this year's): recorded, and said so. */
  deadlinePassed: (phrase: string, due: string) =>
    `期限“${phrase}”今年已经过去，按 ${due} 记录（已逾期）；如果指的是明年，请发送“Q-编号 改 期限 ${Number(due.slice(0, 4)) + 1}年${Number(due.slice(5, 7))}月${Number(due.slice(8, 10))}日”。`,
  editBadSummary: '摘要需要 2 到 200 个字，没有修改。',
  assignNeedsDepartment: (id: string) =>
    `交办给哪个部门？请写明部门，如“${id} 交办 人社局”（可加期限：“${id} 交办 人社局 月底前”）。没有修改。`,
  visitMoved: (id: string, from: string, to: string) => `走访 ${id} 的企业已改为${to}（原为${from}）。`,
  editBadEnterprise: (v: string) => `“${v}”不像企业名称，没有修改。`,
  editSame: (id: string, label: string, v: string) => `${id} 的${label}已经是“${v}”，没有变化。`,
  /** A category edit written in other words (改 类别 社保): how it was read, said before anything else. */
  editReadAs: (raw: string, category: string) => `“${raw}”不是类别名称，按“${category}”理解。`,
  correctionNotAbout: (i: { id: string; summary: string }, was: string) =>
    `${i.id} 的问题里没有“${was}”（${i.id}：${i.summary}），没有修改。请确认编号，如“更正：Q-0002 缺的不是…，是…”。`,
  editNote: (label: string, from: string | null, to: string) => `修改${label}：${from ?? '无'} → ${to}`,
  correctionWhich: (labels: string[]) =>
    `刚才那条记录了 ${labels.length} 个问题，更正的是哪一个？请用编号修改，如“${labels[0]?.split(' ')[0]} 改 部门 人社局”：\n${labels.map((l) => `• ${l}`).join('\n')}`,
  correctionSame: (id: string) => `${id} 已经是这样记录的，没有修改。`,
  correctionNoQuantity: (phrase: string) =>
    `刚才记录的问题里没有可以改成“${phrase}”的数量，没有修改。请写明要改的内容，例如“Q-编号 改 摘要 …”。`,
  undoChangedByOthers: (id: string) =>
    `${id} 在您之后已被其他人更新，不能撤销了；如需更正，请直接发送更正（如“${id} 改 部门 人社局”），或联系管理员。`,
  undoNote: (what: string | null) => `撤销上一步${what ? `（${what}）` : ''}`,
  adminWithdrawn: (id: string) => `管理员撤销了 ${id}（登记有误）；需要时发送“恢复 ${id}”可找回。`,
  restoreAdminsOnly: (id: string) => `恢复已撤销的问题需要管理员操作，${id} 没有恢复。`,
  restoreNotWithdrawn: (id: string) => `${id} 没有被撤销，不需要恢复。`,
  restored: (id: string) => `已恢复 ${id}，发送“${id}”查看详情和历史。`,
  mergeSame: (id: string) => `${id} 不能并入它自己。请写两个不同的编号，如“Q-0015 并入 Q-0012”。`,
  mergeClosed: (id: string) => `${id} 已经销号，不能再合并；如需合并，请先“重新打开 ${id}”。`,
  mergeOtherEnterprise: (d: { id: string; enterprise: string }, k: { id: string; enterprise: string }) =>
    `${d.id}（${d.enterprise}）和 ${k.id}（${k.enterprise}）不是同一家企业的问题，没有合并；编号写错了请重发。`,
  mergeNote: (dup: { id: string; summary: string }) => `合并重复问题 ${dup.id}（${dup.summary}）`,
  mergedInto: (into: string) => `并入 ${into}`,
  merged: (dup: string, into: string) =>
    `${dup} 不再单独列入问题清单；发送“${dup}”会显示 ${into}。回复“撤销”可取消合并。`,
  unmerged: (id: string) => `已取消合并：${id} 重新单独列入问题清单。`,
  mergedAway: (id: string, into: string) => `${id} 已并入 ${into}，下面是 ${into} 的详情。`,
  closeNeedsId: '销号需要写明问题编号，例如：Q-0012 销号。本条没有销号。',
  resolvedNotClosed: '销号需要写明问题编号（例如：Q-0012 销号），本条先按“办结”记录。',
  alreadyResolved: (i: { id: string; summary: string; status: string }) =>
    `${i.id}（${i.summary}）已经${i.status === 'closed' ? '销号' : '办结'}，这次没有再记录。`,
  closeWhich: (ids: string[]) =>
    `销号需要写明问题编号，例如：Q-0012 销号。${ids.length ? `本组已办结待销号的问题：${ids.join('、')}。` : '本组目前没有已办结待销号的问题。'}`,
  confirmClose: (id: string, label: string) =>
    `${id} 目前是“${label}”，还没有办结。确认已经解决并销号吗？确认后会先记“办结”再记“销号”。请回复“确认”或“不用了”。`,
  closeNotResolved: (id: string) =>
    `${id} 还没有办结，本条没有销号。确认已经解决的，请发送“${id} 销号”并按提示确认（会先记办结、再记销号）。`,
  resolvedForClose: '办结（销号前确认已解决）',
  cardLead: '我是这样理解的，还没有记录：',
  cardDoubt: '没把握的地方：',
  cardHowTo: '回复“对”（或 👍）就按此记录；有误请直接发送更正后的完整内容；回复“不用了”放弃。',
  doubtUnsure: '这条消息的内容没有完全读懂',
  doubtEnterprises: (names: string[]) => `提到了 ${names.length} 家企业（${names.join('、')}）`,
  doubtManyIssues: (n: number) => `一条消息里有 ${n} 个问题`,
  doubtUnplacedDepartments: (names: string[]) => `提到了${names.join('、')}，但没有对应到哪个问题`,
  doubtUnknownEnterprises: (names: string[]) => `“${names.join('”“')}”不是本组已知的企业名称`,
  doubtUnbound: (names: string[]) => `${names.join('、')}不是本组绑定联系的企业`,
  draftKept: (question: string) => `上一条待补充的记录还在等您回复：${question}`,
  draftQueued: '（上一条待确认的记录先放着，这一条处理完再问您。）',
  /** The oldest waiting question given up because too many wait: named, so the user can send it again. */
  draftDropped: (what: string) => `（等您回复的记录太多，最早的一条已放弃，没有记录：${what}。需要的话请重新发送。）`,
  nextDraft: (question: string) => `还有一条在等您确认：\n${question}`,
  correctionTaken: '（已按更正后的内容替换刚才那条。）',
  cardRevised: (what: string) => `已按更正修改（${what}），还需要您确认：`,
  cardNews: (what: string) => `这条说的是下面还没记录的问题，已在卡片上更新（${what}），还需要您确认：`,
  cardCorrectionUnread:
    '没看懂要更正什么，刚才那条还没有记录。请直接发送更正的内容（如“不对，是交办人社局”“不是数控技工，是焊工”），或回复“对”按下面记录。',
} as const;

/** The one question the ledger asks about a half-finished report. */
export const QUESTIONS = {
  whichEnterprise: (options: string[]) =>
    options.length
      ? `这条记录是哪家企业的？请回复序号或企业名称：\n${options.map((e, i) => `${i + 1}. ${e}`).join('\n')}`
      : '这条记录是哪家企业的？请回复企业名称。',
  whichIssue: (where: string, category: string, summary: string, labels: string[]) =>
    labels.length === 1
      ? `${where}已有在办的${category === '其他' ? '' : category}问题，“${summary}”说的是它吗？是请回复“1”或它的编号（记入它的历史），不是请回复“新问题”：\n1. ${labels[0]}`
      : `${where}有 ${labels.length} 个在办的${category === '其他' ? '' : category}问题，“${summary}”说的是哪一个？请回复序号或编号（都不是请回复“新问题”）：\n` +
        labels.map((l, i) => `${i + 1}. ${l}`).join('\n'),
  reopenOrNew: (where: string, summary: string, labels: string[]) =>
    `${where}有${labels.length > 1 ? ` ${labels.length} 个` : ''}已办结的同类问题，“${summary}”是它又出了问题吗？回复序号或编号重新打开它（这条记入它的历史），不是请回复“新问题”：\n` +
    labels.map((l, i) => `${i + 1}. ${l}`).join('\n'),
  recordAsNew: (where: string, category: string, summary: string) =>
    `没有找到${where}${category === '其他' ? '与此相关的在办' : `在办的${category}`}问题。要把“${summary}”登记为新问题吗？请回复“是”或“否”。`,
} as const;

export const helpLines = (undoMinutes: number): string[] => [
  `报送走访和问题：直接描述，或以“报：”开头。例：${EXAMPLE_REPORT}`,
  '更新进展：Q-0012 金融办已对接，贷款下周放款',
  '按描述办结：华康那个融资的事解决了（有多个时会请您选择）',
  '交办并设期限：Q-0012 交办 人社局 3月20日前（不写期限默认按规定天数）',
  '办结：Q-0012 办结；销号（管理员核实后）：Q-0012 销号；重新打开：重新打开 Q-0012',
  '问题清单 / 台账：本组未办结的问题（可加“已办结”“全部”“逾期”或企业名筛选；领导小组群里列出各小组的问题，按小组分开，可加小组名筛选，如“城东一组的问题清单”“逾期问题有哪些”）',
  '看板：工作看板的文字版（即时简报），配置了网页控制台时附上看板网址',
  'Q-0012：查看问题详情和历史',
  `撤销：撤销自己最近一条记录（${undoMinutes}分钟内）；撤销 Q-0012：撤销指定问题`,
  '绑定企业 华康药业、七一电器：把本群登记为联企小组并绑定服务企业；本组信息：查看绑定情况',
];
