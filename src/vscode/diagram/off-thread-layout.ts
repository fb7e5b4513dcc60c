// Runs the diagram layout in a worker thread (dist/layout-worker.js) so the extension host's event
// loop, shared by every extension in the window, stays free while ELK works for seconds on a large
// account. One layout at a time: a newer request supersedes the running one, whose thread is
// terminated (ELK cannot be interrupted any other way). If the worker cannot start (a missing or
// broken bundle), the layout runs in-process instead and the log says why. No `vscode` import, so
// it is tested in plain Node against the real bundle.
import { Worker } from 'node:worker_threads';
import type { Diagram } from '../../diagram/drawing';
import type { Finding } from '../../model/finding';
import type { Snapshot } from '../../model/snapshot';
import { isLayoutAnswer, type LayoutRequest } from './layout-messages';

/** A layout given up on because a newer one was asked for; whoever awaited it should drop it quietly. */
export class LayoutCancelled extends Error {
  override readonly name = 'LayoutCancelled';
  constructor() {
    super('The diagram layout was superseded by a newer one.');
  }
}

export type LayoutFunction = (snapshot: Snapshot, findings: Finding[]) => Promise<Diagram>;

export interface LayoutLog {
  warn(message: string, ...args: unknown[]): void;
}

interface Running {
  id: number;
  snapshot: Snapshot;
  findings: Finding[];
  resolve(diagram: Diagram): void;
  reject(error: unknown): void;
}

/** The in-process layout, loaded only when needed: ELK is the heaviest module of the extension. */
const layoutInProcess: LayoutFunction = async (snapshot, findings) => (await import('../../diagram/layout.js')).layoutDiagram(snapshot, findings);

export class OffThreadLayout {
  private worker: Worker | undefined;
  /** True once the worker has answered a request: a later failure is a crash, not a worker that cannot start. */
  private workerAnswered = false;
  private running: Running | undefined;
  private nextId = 1;
  /** Set when the worker could not start: every later layout runs in-process without trying again. */
  private inProcessOnly = false;

  constructor(
    /** Absolute path of dist/layout-worker.js. */
    private readonly workerScript: string,
    private readonly log: LayoutLog,
    private readonly fallback: LayoutFunction = layoutInProcess,
  ) {}

  /** Lays out a map off the calling thread; rejects with LayoutCancelled when a newer call supersedes it. */
  layout(snapshot: Snapshot, findings: Finding[]): Promise<Diagram> {
    this.cancelRunning();
    if (this.inProcessOnly) return this.fallback(snapshot, findings);
    return new Promise<Diagram>((resolve, reject) => {
      const running: Running = { id: this.nextId++, snapshot, findings, resolve, reject };
      this.running = running;
      let worker: Worker;
      try {
        worker = this.startedWorker();
      } catch (error) {
        this.failed(error);
        return;
      }
      worker.postMessage({ id: running.id, snapshot, findings } satisfies LayoutRequest);
    });
  }

  /**
   * Starts the thread now, so loading ELK into it (about a second on a slow machine) overlaps with
   * whatever comes before the first layout (the page loading, the snapshot being read).
   */
  prepare(): void {
    if (this.inProcessOnly || this.worker) return;
    try {
      this.startedWorker();
    } catch (error) {
      this.failed(error);
    }
  }

  dispose(): void {
    this.cancelRunning();
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private startedWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerScript);
    // An idle worker must not keep a process (a test, the CLI) alive.
    worker.unref();
    this.worker = worker;
    this.workerAnswered = false;
    worker.on('message', (message: unknown) => {
      if (this.worker !== worker) return;
      this.workerAnswered = true;
      const running = this.running;
      if (!isLayoutAnswer(message) || !running || message.id !== running.id) return;
      this.running = undefined;
      if (message.ok) running.resolve(message.diagram);
      else running.reject(new Error(message.error));
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.failed(error);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.failed(new Error(`the layout worker stopped (exit code ${code})`));
    });
    return worker;
  }

  /** The worker died or never started: the running layout is done in-process instead, and said so in the log. */
  private failed(error: unknown): void {
    const cannotStart = !this.workerAnswered;
    void this.worker?.terminate();
    this.worker = undefined;
    if (cannotStart) this.inProcessOnly = true;
    this.log.warn(
      cannotStart
        ? `The layout worker ${this.workerScript} could not start; laying out diagrams in the extension host instead:`
        : 'The layout worker failed; laying out this diagram in the extension host instead:',
      error,
    );
    const running = this.running;
    this.running = undefined;
    if (running) this.fallback(running.snapshot, running.findings).then(running.resolve, running.reject);
  }

  private cancelRunning(): void {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    running.reject(new LayoutCancelled());
    // ELK cannot be interrupted: the thread goes, and the next layout starts a fresh one.
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
