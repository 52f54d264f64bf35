/** A traced variant's claims about its Messages view (snippet.json `messages`) against the diagram the page draws of its run. */
import type { Diagram } from "../../app/components/trace/diagram";
import type { MessagesExpectation } from "../../content/types";

export function unmetMessages(claims: MessagesExpectation, diagram: Diagram): string[] {
  const problems: string[] = [];
  const messages = diagram.rows.flatMap((row) => (row.kind === "message" ? [row] : []));
  const lost = messages.filter((m) => m.lost).length;
  if (claims.lost === true && lost === 0) problems.push("no send was lost");
  if (claims.lost === false && lost > 0) problems.push(`${lost} sends were lost`);
  const changed = messages.some((m) => m.to.some((d) => d.frames !== undefined));
  if (claims.arrivesAs !== undefined && claims.arrivesAs !== changed) problems.push(changed ? "a message arrived as other frames" : "every message arrived as it was sent");
  for (const process of claims.waiting ?? []) {
    const lanes = diagram.lanes.filter((l) => l.process === process);
    if (lanes.length === 0 || lanes.some((l) => l.state.kind !== "waiting")) problems.push(`${process} does not end waiting (${lanes.map((l) => l.state.kind).join(", ") || "no socket"})`);
  }
  return problems;
}
