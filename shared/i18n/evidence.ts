// The evidence bundle's words on screen: the button on a client's page and on each of their
// disputes, its progress, and what the bundle holds once made (the PDF's own words are in
// shared/evidence/wording.ts).
export const evidenceEn = {
  'evidence.title': 'Evidence bundle',
  'evidence.intro':
    'One PDF and a ZIP for your lawyer: contract terms, every invoice, payment and notice with its proof of sending, panel actions, the arrears ladder and whether the audit log is intact. It is written in the language you use HostLedger in.',
  'evidence.make': 'Make evidence bundle',
  'evidence.makeForDispute': 'Evidence bundle for this dispute',
  'evidence.through': 'Up to',
  'evidence.making': 'Gathering the records and writing the PDF…',
  'evidence.progress': 'Evidence bundle',
  'evidence.ready': 'Made up to {through}. Invoices: {invoices}, payments: {payments}, communications: {communications}, archived documents: {documents}, panel actions: {panelActions}, ladder steps: {ladderSteps}.',
  'evidence.auditOk': 'Audit log verified: all {checked} rows check out.',
  'evidence.auditBroken': 'Audit log NOT intact: the chain breaks at row {brokenAt}. The PDF says so on its cover.',
  'evidence.zipHash': 'SHA-256 of the ZIP: {hash}',
  'evidence.saveZip': 'Save ZIP',
  'evidence.openPdf': 'Open PDF',
  'evidence.savePdf': 'Save PDF',
  'evidence.archived': 'The PDF is kept in the client’s documents.',
};

export const evidenceZhCN: Record<keyof typeof evidenceEn, string> = {
  'evidence.title': '证据包',
  'evidence.intro': '为律师准备的一份 PDF 和一个 ZIP：合同条款、每张账单、每笔付款和每份通知及其发送凭证、控制面板操作、催缴流程，以及审计日志是否完整。使用您当前的 HostLedger 界面语言。',
  'evidence.make': '生成证据包',
  'evidence.makeForDispute': '生成此争议的证据包',
  'evidence.through': '截至',
  'evidence.making': '正在收集记录并生成 PDF…',
  'evidence.progress': '证据包',
  'evidence.ready': '证据包包含截至 {through} 的账单 {invoices} 张、付款 {payments} 笔、沟通记录 {communications} 条、存档文档 {documents} 份、控制面板操作 {panelActions} 项、催缴步骤 {ladderSteps} 个。',
  'evidence.auditOk': '审计日志校验通过：全部 {checked} 行无误。',
  'evidence.auditBroken': '审计日志不完整：审计链在第 {brokenAt} 行断开。PDF 封面已注明。',
  'evidence.zipHash': 'ZIP 的 SHA-256：{hash}',
  'evidence.saveZip': '保存 ZIP',
  'evidence.openPdf': '打开 PDF',
  'evidence.savePdf': '保存 PDF',
  'evidence.archived': 'PDF 已存入该客户的文档。',
};
