/** Registering a group as a liaison team and its bound enterprises: 绑定企业 / 解绑企业 / 本组信息. */
import type { IncomingMessage } from '../../messaging/incoming.js';
import { reply, type Reply } from '../../messaging/reply.js';
import type { LedgerCommand } from '../commands.js';
import type { FlowContext } from './context.js';
import { bindRefusal, teamNameFromTitle } from '../../config/limits.js';

const BIND_IN_GROUP = '绑定企业需要在联企小组的群里发送，这样本群才会登记为小组。';

export async function teamsFlow(
  svc: FlowContext,
  msg: IncomingMessage,
  cmd: Extract<LedgerCommand, { type: 'bind' | 'unbind' | 'team' }>,
): Promise<Reply> {
  if (!msg.isGroup) return reply.text('issues', BIND_IN_GROUP, '请在群里操作');
  if (cmd.type === 'team') {
    const team = await svc.getTeam(msg.teamId);
    if (!team)
      return reply.text('issues', '本群还没有登记为联企小组。发送“绑定企业 企业A、企业B”即可登记。', '本群还未登记');
    return {
      intent: 'issues',
      title: team.name,
      blocks: [
        {
          type: 'fields',
          fields: [
            { label: '小组', value: team.name },
            { label: '绑定企业', value: team.enterprises.join('、') || '（未绑定）' },
            ...(team.isAdminGroup ? [{ label: '类型', value: '领导/管理群' }] : []),
          ],
        },
      ],
    };
  }
  if (cmd.type === 'unbind') {
    const team = await svc.unbindEnterprises(msg.teamId, cmd.enterprises);
    if (!team) return reply.text('issues', '本群还没有登记为联企小组，无需解绑。', '本群还未登记');
    return reply.text(
      'issues',
      `已解绑。${team.name} 现在绑定的企业：${team.enterprises.join('、') || '（无）'}`,
      '已解绑',
    );
  }
  const refusal = bindRefusal(svc.deps.config, {
    name: cmd.name,
    enterprises: cmd.enterprises,
    existing: (await svc.getTeam(msg.teamId))?.enterprises ?? [],
  });
  if (refusal) return reply.text('issues', refusal, '没有绑定');
  const { team, created } = await svc.bindEnterprises(
    {
      teamId: msg.teamId,
      platform: msg.platform,
      conversationId: msg.conversationId,
      title: teamNameFromTitle(msg.conversationTitle, svc.deps.config.ZCT_MAX_TEAM_NAME),
    },
    cmd.enterprises,
    cmd.name,
  );
  const lines = [
    `${created ? '已把本群登记为联企小组' : '已更新本组'}“${team.name}”，绑定企业：${team.enterprises.join('、')}。`,
    created
      ? '现在可以在群里直接报送走访和企业问题了，例如：今天走访了' +
        (team.enterprises[0] ?? '某企业') +
        '，企业反映缺技术工人。'
      : '',
  ].filter(Boolean);
  return {
    intent: 'issues',
    title: created ? '登记成功' : '已更新',
    blocks: lines.map((text) => ({ type: 'paragraph' as const, text })),
  };
}
