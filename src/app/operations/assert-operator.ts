import { authorize, type TActor } from "../../domain/permissions.ts";
import { AppError } from "../app-error.ts";

/** Refuses (FORBIDDEN admin_only) anyone but an administrator, before anything is read or written. */
export function assertOperator(actor: TActor): void {
  const permission = authorize(actor, { kind: "operate" });
  if (!permission.allowed) throw new AppError("FORBIDDEN", { reason: permission.code });
}
