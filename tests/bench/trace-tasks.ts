/**
 * Which main-thread tasks of a page are Glance's: a Chromium trace of the page (CDP Tracing, the
 * events DevTools' performance panel records) is read for the tasks that ran the extension's code.
 * Long-task entries cannot tell: they are the page's, its rendering frames included, and Long
 * Animation Frames leave out scripts of isolated worlds (where content scripts run).
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { url?: string } };
}

export interface TaskFigures {
  /** Tasks that ran the extension's code, over 50 ms, and the longest of them (ms). */
  glanceLongTasks: number;
  glanceLongestMs: number;
  /** The thread's other tasks over 50 ms (the page's rendering frames: style, layout, paint), and the longest. */
  otherLongTasks: number;
  otherLongestMs: number;
}

/** Starts tracing the page; the function returned stops it and hands back its events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (batch) => events.push(...(batch.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

const LONG_MS = 50;

/** Pure: the long tasks of the thread that ran `extensionId`'s content scripts, Glance's apart from the others. */
export function taskFigures(events: readonly TraceEvent[], extensionId: string): TaskFigures {
  const prefix = `chrome-extension://${extensionId}/`;
  const calls = events.filter((event) => event.name === 'FunctionCall' && event.args?.data?.url?.startsWith(prefix));
  const thread = calls.find((call) => call.ph === 'X') ?? calls[0];
  if (!thread) return { glanceLongTasks: 0, glanceLongestMs: 0, otherLongTasks: 0, otherLongestMs: 0 };
  const tasks = events
    .filter((event) => event.name === 'RunTask' && event.pid === thread.pid && event.tid === thread.tid && event.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  // The task running at `ts`: the last one begun by then, if it has not ended.
  const taskAt = (ts: number) => {
    let low = 0;
    let high = tasks.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (tasks[middle]!.ts <= ts) low = middle;
      else high = middle - 1;
    }
    const task = tasks[low];
    return task && task.ts <= ts && ts < task.ts + (task.dur ?? 0) ? task : undefined;
  };
  const glance = new Set<TraceEvent>();
  for (const call of calls) {
    const task = call.pid === thread.pid && call.tid === thread.tid ? taskAt(call.ts) : undefined;
    if (task) glance.add(task);
  }
  const durations = (list: readonly TraceEvent[]) => list.map((event) => (event.dur ?? 0) / 1000);
  const glanceMs = durations([...glance]);
  const otherMs = durations(tasks.filter((task) => !glance.has(task)));
  return {
    glanceLongTasks: glanceMs.filter((duration) => duration > LONG_MS).length,
    glanceLongestMs: Math.round(Math.max(0, ...glanceMs)),
    otherLongTasks: otherMs.filter((duration) => duration > LONG_MS).length,
    otherLongestMs: Math.round(Math.max(0, ...otherMs)),
  };
}
