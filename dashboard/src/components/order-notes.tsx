import { useState } from "preact/hooks";
import { api } from "../api/endpoints";
import type { OrderNote } from "../api/types";
import { jstTime } from "../format";
import { reasonOf } from "../messages";
import { settings } from "../state/settings";
import { notify } from "../state/toasts";

/** The team's notes on an order, oldest first, and a box to add one (written under the settings page's name). */
export function OrderNotes({ orderId, notes, onAdded }: { orderId: string; notes: OrderNote[] | undefined; onAdded: () => void }) {
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  async function add(event: Event) {
    event.preventDefault();
    setBusy(true);
    try {
      await api.addNote(orderId, text);
      setText("");
      onAdded();
    } catch (error) {
      notify("error", `メモを追加できませんでした：${reasonOf(error)}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="notes" data-testid="notes">
      {notes?.length ? (
        <ul>{notes.map((note) => <li><small>{jstTime(note.created_at)} ・ {note.operator ?? "担当者名なし"}</small><br />{note.text}</li>)}</ul>
      ) : notes && <p>メモはまだありません。</p>}
      <form onSubmit={add}>
        <label for="note-text">メモを追加（お客様には送られません）{settings.operator.value ? `：${settings.operator.value} として` : ""}</label>
        <textarea id="note-text" rows={2} maxLength={1000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit" disabled={busy || !text.trim()}>メモを追加</button>
      </form>
    </div>
  );
}
