"use client";
// A cell someone else changed meanwhile: their value, the clerk's unsaved one, and the choice between them.

export function ConflictBox({
  conflict,
  mine,
  onResolve,
}: {
  conflict: { theirs: string | null; by: string | null; at: string };
  mine: string;
  onResolve(keep: "mine" | "theirs"): void;
}) {
  const at = new Date(conflict.at).toLocaleTimeString("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit" });
  return (
    <div role="alert" data-testid="conflict" className="mt-2 rounded bg-purple-50 p-2 text-purple-900">
      <p>
        {conflict.by ?? "他人"}已于 {at} 将此格改为“{conflict.theirs ?? "空白"}”，您的值“{mine || "空白"}”尚未保存。
      </p>
      <div className="mt-2 flex gap-2">
        <button type="button" className="rounded bg-purple-700 px-2 py-1 text-white" onClick={() => onResolve("mine")}>
          保留我的值
        </button>
        <button type="button" className="rounded border border-purple-700 px-2 py-1" onClick={() => onResolve("theirs")}>
          采用对方的值
        </button>
      </div>
    </div>
  );
}
