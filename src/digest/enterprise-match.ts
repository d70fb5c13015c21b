/**
 * Does a visit's enterprise name count for a team's bound enterprise? Names in reports are often shortened
 * ("华康药业" for "浙江华康药业股份有限公司"), so after normalising, one containing the other is a match.
 */

const SUFFIXES = /(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|厂)$/;

export function normaliseEnterprise(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s·•]/g, '')
    .replace(/[()（）【】[\]]/g, '')
    .replace(SUFFIXES, '')
    .toLowerCase();
}

export function enterpriseMatches(bound: string, visited: string): boolean {
  const a = normaliseEnterprise(bound);
  const b = normaliseEnterprise(visited);
  if (!a || !b) return false;
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 2 && long.includes(short);
}
