/**
 * Department roles and enterprise-name shapes (branch dept5): each mechanism tested with messages written for these
 * tests — other enterprises, departments and wordings than any eval set.
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate, findDepartments, findEnterprises, handlerDepartment } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';
import { normalizeDepartment } from '../../src/ledger/lexicon/departments.js';
import type { Extraction } from '../../src/ledger/model.js';

const known = loadKnownEnterprises();
const TODAY = '2026-03-12';
const parse = (text: string): Extraction => extractUpdate(text, { today: TODAY, knownEnterprises: known });
const depts = (e: Extraction) => e.issues.map((i) => i.department);
const handler = (text: string) => handlerDepartment(findDepartments(text));
const firstName = (text: string) => findEnterprises(text, known)[0]?.name ?? null;

describe('a department that went along on the visit is no handler', () => {
  it('陪同 / 随行 / 带队 after the department (or its cadre)', () => {
    expect(handler('县科技局陪同走访嘉木电子，企业反映研发人员不够。')).toBeNull();
    expect(handler('本次调研由县委统战部带队，青松酒业反映销路不畅。')).toBeNull();
    expect(handler('商务局李科长随行，走访了汇通纺织。')).toBeNull();
  });

  it('a department listed after one that went along went along too', () => {
    const got = findDepartments('会同财政局、医保局走访了康宁医疗，企业反映结算周期长。');
    expect(got.map((d) => d.role)).toEqual(['participant', 'participant']);
  });

  it('its staff coming to the enterprise themselves is the office at work', () => {
    expect(handler('青松酒业变压器老化，供电局的人昨天来看过了。')).toBe('供电公司');
  });

  it('a hand-off still to come (将报请, 需协调, 下一步联系) leaves no department', () => {
    expect(handler('下一步将报请医保局研究。')).toBeNull();
    expect(handler('康宁医疗的用电问题需协调供电公司处理。')).toBeNull();
    expect(handler('已将该问题报请医保局研究。')).toBe('医保局');
  });
});

describe('department names', () => {
  it('a stem whose people say something is that department (人社的说…)', () => {
    expect(handler('嘉木电子的见习补贴，人社的说可以办。')).toBe('人社局');
  });

  it('the park authority however the park is called', () => {
    expect(normalizeDepartment('管委会')).toBe('园区管委会');
    expect(normalizeDepartment('高新区管委会')).toBe('园区管委会');
    expect(depts(parse('嘉木电子厂房租金的事，管委会在谈。'))).toEqual(['园区管委会']);
  });
});

describe('a cadre who went along and takes the matter on', () => {
  it('the same cadre later promising to handle it makes the office the handler', () => {
    expect(handler('上午跟医保局的小孙一起去了康宁医疗，结算周期太长，小孙说他回去就落实。')).toBe('医保局');
    expect(handler('上午跟医保局的小孙一起去了康宁医疗，结算周期太长，小孙说再看看。')).toBeNull();
  });
});

describe('enterprise names in more shapes', () => {
  it('after the lead word 经, given back when it leaves less than a name', () => {
    expect(firstName('经嘉木电子财务介绍，企业急需过桥资金。')).toBe('嘉木电子');
    expect(firstName('经纬纺织反映订单下降。')).toBe('经纬纺织');
  });

  it('after an opening bracket, an enumeration word or a beneficiary preposition', () => {
    expect(firstName('Q-0301（青松酒业GMP换证）已拿证。')).toBe('青松酒业');
    expect(firstName('走访两家：一是汇川科技，缺研发；二是德胜五金，缺订单。')).toBe('汇川科技');
    expect(firstName('农商行已为华越新能源发放贷款。')).toBe('华越新能源');
    expect(firstName('星期一走访两家，二是缺高分子材料方面的博士。')).toBeNull();
  });

  it('a legal ending a few characters after an industry ending closes the name', () => {
    expect(firstName('通过电话了解到，远帆船舶配件公司缺焊工。')).toBe('远帆船舶配件公司');
  });

  it('farms and service businesses', () => {
    expect(firstName('走访青禾水产养殖场，反映鱼塘用地手续问题。')).toBe('青禾水产养殖场');
    expect(firstName('到乐童幼儿园看了看，缺保育员。')).toBe('乐童幼儿园');
  });

  it('a name before a person of the enterprise after a contact word, and the place we were at', () => {
    expect(firstName('跟鼎丰王总通了电话，贷款批了。')).toBe('鼎丰');
    expect(firstName('昨天在汇川那边开了个座谈会，企业说缺焊工。')).toBe('汇川');
    expect(firstName('在园区那边看了看')).toBeNull();
  });

  it('a chat message opening with an unknown word right before a problem word; a word after 帮/为', () => {
    const opened = findEnterprises('Q-0301 翔宇用地 销号。'.replace('Q-0301', '      '), known)[0];
    expect(opened?.name).toBe('翔宇');
    expect(opened?.guessed).toBe(true);
    expect(firstName('商务局在帮翔宇开拓东南亚市场。')).toBe('翔宇');
    expect(firstName('资金紧张，想申请贷款。')).toBeNull();
  });

  it('a short name that begins a fuller one named in the same message is that one', () => {
    expect(firstName('Q-0301（青松酒业GMP换证）拿到新证了。青松那边又提了一个：想招两个研究员。')).toBe('青松酒业');
    const got = findEnterprises('上午去了青松那边，青松酒业的老板说缺研究员。', known).map((h) => h.name);
    expect(got).toEqual(['青松酒业', '青松酒业']);
  });
});

describe('official names as counties write them', () => {
  it('和 joining the halves may be 与 or left out', () => {
    expect(normalizeDepartment('人力资源与社会保障局')).toBe('人社局');
    expect(normalizeDepartment('住房与城乡建设局')).toBe('住建局');
    expect(handler('已转县住房与城乡建设局。')).toBe('住建局');
  });

  it('a mistyped full name keeps its place prefix, so the hand-off before it is read', () => {
    const [d] = findDepartments('已交县人力资源和社会保账局。');
    expect(d?.name).toBe('人社局');
    expect(d?.handedTo).toBe(true);
  });

  it('more official forms', () => {
    expect(normalizeDepartment('发展改革委员会')).toBe('发改局');
    expect(normalizeDepartment('县供电有限公司')).toBe('供电公司');
    expect(normalizeDepartment('行政审批服务局')).toBe('行政审批局');
    expect(normalizeDepartment('商务和投资促进局')).toBe('商务局');
  });
});

describe('a proper name after a verb in prose', () => {
  it('an industry-ending name whose part is a proper name after a verb', () => {
    expect(firstName('农商行已恢复万通汽车零部件授信额度。')).toBe('万通汽车零部件');
    expect(firstName('支持华亭机械发展。')).toBe('华亭机械');
  });
});

describe('formal hand-offs and formal visiting teams', () => {
  it('反馈至 / 反映给 / 上报 / 已商请 / 已请 hand the matter over; 想请 only wishes', () => {
    for (const t of [
      '我组已将问题反馈至县医保局。',
      '已上报县医保局。',
      '已商请县医保局协助。',
      '已请县医保局帮助对接。',
    ]) {
      const [d] = findDepartments(t);
      expect(d?.handedTo, t).toBe(true);
    }
    expect(handler('想请县医保局帮助对接。')).toBeNull();
  });

  it('departments visiting together (联合走访, a sub-unit 参加走访, 随X走访)', () => {
    expect(findDepartments('县统战部、县科技局联合走访青松酒业。').map((d) => d.role)).toEqual([
      'participant',
      'participant',
    ]);
    expect(handler('县科技局成果科参加走访，企业反映缺研发人员。')).toBeNull();
    expect(handler('随县科技局走访青松酒业，企业反映缺研发人员。')).toBeNull();
    expect(handler('科技局、财政局正在联合审核。')).toBe('科技局');
  });
});

describe('teams of cadres and cadres speaking', () => {
  it('a team of cadres is no enterprise (专项督查组, 检查组)', () => {
    expect(firstName('专项督查组反馈：青松酒业施工许可已办结。')).toBe('青松酒业');
    expect(firstName('安全生产检查组说汇川纸业的排污许可快到期了。')).toBe('汇川纸业');
  });

  it("an office's section chief speaking outside a visit is the office at work", () => {
    expect(handler('医保的王科长说下周来核查。')).toBe('医保局');
    expect(handler('和医保局的王科长去了青松酒业。')).toBeNull();
  });
});

describe('enterprise names: report frames, repeated endings, topics and mistyped first characters (branch conf6)', () => {
  const names = (text: string) => findEnterprises(text, ['华康药业', '七一电器']).map((h) => h.name);
  it('a report frame before the name (另据, 关于, a past-time word) is not part of it', () => {
    expect(names('另据恒通医药来电反映，环评还没批')).toEqual(['恒通医药']);
    expect(names('关于近期反映的Q-0012，经协调已上报市里')).toEqual([]);
  });
  it('an ending said twice begins the next word (李氏食品 + 食品经营许可证)', () => {
    expect(names('三月二日，李氏食品食品经营许可证已延续')).toEqual(['李氏食品']);
  });
  it('a head name that runs on into its topic keeps the unknown word only', () => {
    expect(names('祥泰修路那个事 交通局说在排期')).toEqual(['祥泰']);
  });
  it('a chat opener before an item number is a guessed name', () => {
    const [hit] = findEnterprises('鑫旺 12号问题 搞定了', []);
    expect(hit).toMatchObject({ name: '鑫旺', guessed: true });
  });
  it('a known short form with its first character mistyped by sound is that enterprise; another sound is not', () => {
    expect(names('花康那个贷款的事 银行在审')).toEqual(['华康药业']);
    expect(names('李康那个贷款的事 银行在审')).not.toContain('华康药业');
    expect(names('华晟那个贷款的事 银行在审')).not.toContain('华康药业');
  });
  it('a surname with a title is a person, not the enterprise (王总, 刘科长)', () => {
    expect(names('周总说他们厂的排污许可证下来了')).toEqual([]);
    expect(names('吴科长反映，招聘会安排在下周')).toEqual([]);
  });
  it('after 反映的 / 走访的 a name with an ordinary-word ending is a name', () => {
    expect(names('此前反映的恒昌机械用地问题已解决')).toEqual(['恒昌机械']);
    expect(names('上周走访的远山陶瓷，天然气价格太高')).toEqual(['远山陶瓷']);
  });
});
