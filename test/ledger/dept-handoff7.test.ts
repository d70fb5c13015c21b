/**
 * Department hand-offs (branch dept7): a bare stem heading a clause and acting, a cadre who took the matter on, a
 * contact still ahead, generic office words and 前者/后者 — each tested with messages written for these tests (other
 * enterprises, departments and wordings than any eval set).
 */
import { describe, expect, it } from 'vitest';
import { extractUpdate, findDepartments, handlerDepartment } from '../../src/ledger/extract/index.js';
import { loadKnownEnterprises } from '../../src/ledger/lexicon/index.js';
import type { Extraction } from '../../src/ledger/model.js';

const known = loadKnownEnterprises();
const TODAY = '2026-03-12';
const parse = (text: string): Extraction => extractUpdate(text, { today: TODAY, knownEnterprises: known });
const depts = (e: Extraction) => e.issues.map((i) => i.department);
const handler = (text: string) => handlerDepartment(findDepartments(text));

describe('a bare stem heading a clause, acting, is the office', () => {
  it.each([
    ['Q-0231 人社专场招聘已办完，招到18人', '人社局'],
    ['Q-0232 生态受理了，等现场核查', '生态环境局'],
    ['Q-0233 供电送电了', '供电公司'],
    ['Q-0234 市监上门指导了两次', '市场监管局'],
    ['Q-0235 人社还在找合适的人', '人社局'],
  ])('%s', (text, name) => {
    expect(handler(text)).toBe(name);
  });

  it('also after a closing bracket (出口退税（Q-0236）税务已退付)', () => {
    expect(handler('嘉禾五金出口退税（Q-0236）税务已退付到账。')).toBe('税务局');
  });

  it('the same stems as ordinary words stay words', () => {
    for (const text of ['嘉禾五金：社保缴费基数高', '嘉禾五金：电力不足，想增容', '嘉禾五金：交通不便，员工通勤难'])
      expect(handler(text)).toBeNull();
  });
});

describe('no department from words that name none', () => {
  it('相关部门 / 有关单位 after a hand-off verb', () => {
    expect(handler('嘉禾五金的出口退税问题，已移交相关部门。')).toBeNull();
    expect(handler('已转有关单位研究。')).toBeNull();
  });

  it('a single character before an office ending is no office (交通办证中)', () => {
    expect(handler('Q-0237 交通办证中')).not.toBe('通办');
  });
});

describe('the cadre who went along took the matter on', () => {
  it('当场就接了 / 说这事他接下了: the office handles it', () => {
    expect(depts(parse('今天和人社局的小周一起去了嘉禾五金，企业说缺叉车司机10个。小周说这事他接下了。'))).toEqual([
      '人社局',
    ]);
  });

  it('接了个电话 is no taking on', () => {
    expect(depts(parse('今天和人社局的小周一起去了嘉禾五金，企业说缺叉车司机10个。小周接了个电话先走了。'))).toEqual([
      null,
    ]);
  });
});

describe('a contact still ahead is no hand-off', () => {
  it('下周跟 / 计划明天和 … 沟通', () => {
    expect(handler('环评的事下周跟生态局沟通。')).toBeNull();
    expect(handler('研发人员的事计划明天和人社局对接。')).toBeNull();
    expect(handler('研发人员的事已和人社局对接。')).toBe('人社局');
  });
});

describe('前者 / 后者 point at the items of the message', () => {
  it('前者已转 — the first item; 后者已报 — the last', () => {
    expect(depts(parse('走访嘉禾五金，企业反映：1.缺装配工12人；2.续贷300万。前者已转人社局。'))).toEqual([
      '人社局',
      null,
    ]);
    expect(depts(parse('走访嘉禾五金，企业反映：1.缺装配工12人；2.续贷300万。后者已报金融办。'))).toEqual([
      null,
      '金融办',
    ]);
  });
});

describe('an office-only stem heading a clause that reports a step', () => {
  it('is the office, whatever verb follows it (spaced dictation, list rows)', () => {
    expect(handler('嗯 嘉禾五金 的 用工 人社摸排了 缺口12个')).toBe('人社局');
    expect(handler('Q-0238 住建催过了')).toBe('住建局');
  });

  it('a stem that is also an everyday word stays a word there', () => {
    expect(handler('Q-0239 交通不便的问题解决了')).toBeNull();
    expect(handler('Q-0240 金融支持到位了')).toBeNull();
  });

  it('no step reported: no office', () => {
    expect(handler('Q-0241 住建催办')).toBeNull();
  });
});

describe('more ways to write an office', () => {
  it.each([
    ['嘉禾五金道路，交通运输分局已受理。', '交通运输局'],
    ['嘉禾五金环评，县环保分局已受理。', '生态环境局'],
    ['嘉禾五金贷款，区地方金融监督管理局已协调。', '金融办'],
    ['嘉禾五金贷款，金融工作局已协调。', '金融办'],
    ['嘉禾五金招工，区就业中心已受理。', '人社局'],
    ['嘉禾五金项目备案，发展改革部门已受理。', '发改局'],
    ['嘉禾五金施工许可，住房城乡建设部门已受理。', '住建局'],
    ['嘉禾五金审批，区政务服务管理办公室已受理。', '行政服务中心'],
  ])('%s', (text, name) => {
    expect(handler(text)).toBe(name);
  });
});

describe('an office bouncing the matter on hands it to nobody', () => {
  it('环保局推给了园区 / 园区又推回 / 说不归他们管，要找园区', () => {
    expect(handler('嘉禾五金环评的事，环保局推给了园区。')).toBeNull();
    expect(handler('嘉禾五金环评的事，环保局推给园区，园区又推回环保局。')).toBeNull();
    expect(handler('嘉禾五金环评的事，环保局说不归他们管，要找园区。')).toBeNull();
  });

  it('our own 推给 is a hand-off', () => {
    expect(handler('嘉禾五金用工的事，我已推给人社局。')).toBe('人社局');
  });
});

describe('an office that sent someone along on the visit', () => {
  it('也派人参加了走访 is a participant, not the handler', () => {
    expect(handler('嘉禾五金缺研发人员，科技局也派人参加了走访。')).toBeNull();
  });
});
