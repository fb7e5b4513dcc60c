// The progress notification's line while a scan runs: how many service × region reads are done and
// which are still running. Pure (no `vscode`): fed the scanner's progress events, unit-tested.
import type { ScanProgressEvent } from '../../aws/scan';
import { serviceInRegion } from './service-names';

const RUNNING_SHOWN = 3;

export class ScanProgressText {
  /** Reads in flight, in the order they started; a key is account, service and region. */
  private readonly running = new Map<string, string>();
  private done = 0;
  private failed = 0;

  /** Takes one event; returns the line to show. */
  update(event: ScanProgressEvent): string {
    const key = `${event.accountId} ${event.service} ${event.region}`;
    if (event.state === 'started') {
      this.running.set(key, serviceInRegion(event.service, event.region));
    } else if (this.running.delete(key)) {
      if (event.state === 'failed') this.failed += 1;
      else this.done += 1;
    }
    return this.text();
  }

  text(): string {
    const finished = this.done + this.failed;
    const total = finished + this.running.size;
    const counts = `${finished}/${total} reads done${this.failed > 0 ? ` (${this.failed} failed)` : ''}`;
    const names = [...new Set(this.running.values())];
    if (names.length === 0) return counts;
    const shown = names.slice(0, RUNNING_SHOWN).join(', ');
    return `${counts} · reading ${shown}${names.length > RUNNING_SHOWN ? ` +${names.length - RUNNING_SHOWN}` : ''}`;
  }
}
