// Chinese names of the audit log's actions, for the admin's filter and the export (unknown actions show as is).
import { ACTION_LABELS } from "./lifecycle";

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  sign_in: "登录",
  sign_out: "退出登录",
  "sign_in.failed": "登录失败",
  "account.locked": "账户锁定",
  "password.changed": "修改密码",
  "user.created": "新建用户",
  "user.updated": "修改用户",
  "user.role_changed": "修改用户角色",
  "user.activated": "启用用户",
  "user.deactivated": "停用用户",
  "user.password_reset": "重置密码",
  "user.unlocked": "解锁账户",
  "user.sessions_ended": "结束会话",
  "admin.created": "命令行创建管理员",
  "unit.created": "新建单位",
  "unit.renamed": "单位更名",
  "unit.updated": "修改单位",
  "unit.moved": "移动单位",
  "unit.activated": "启用单位",
  "unit.deactivated": "停用单位",
  "unit.merged": "单位合并",
  "year.opened": "开放年度",
  "year.updated": "修改年度",
  "year.closed": "关闭年度",
  "year.reopened": "重新开放年度",
  "bulk.imported": "批量导入",
  "audit.exported": "导出审计日志",
  "report.imported": "导入历史年报",
  "report.import_replaced": "覆盖历史年报",
  "report.reminded": "催报",
  "comment.added": "批注",
  "comment.replied": "回复批注",
  "comment.resolved": "批注已处理",
  "comment.reopened": "批注重新打开",
  ...Object.fromEntries(Object.entries(ACTION_LABELS).map(([action, label]) => [`report.${action}`, `年报${label}`])),
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
