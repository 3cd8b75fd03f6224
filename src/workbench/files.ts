/**
 * Opening and saving scenario files from the Author page. Where the browser has the File System
 * Access API (`showOpenFilePicker`, `showSaveFilePicker`), the file opened or saved is kept as a
 * handle, so Save writes the same file again; elsewhere Open reads a file chosen in an
 * `<input type="file">` and Save downloads the text under the file's name. Nothing is uploaded.
 */
import { downloadText } from '../ui/dom';

interface WritableLike {
  write(data: string): Promise<void>;
  close(): Promise<void>;
}

export interface FileHandleLike {
  readonly name: string;
  getFile(): Promise<File>;
  createWritable?(): Promise<WritableLike>;
}

interface PickerWindow {
  showOpenFilePicker?(options?: unknown): Promise<FileHandleLike[]>;
  showSaveFilePicker?(options?: unknown): Promise<FileHandleLike>;
}

const TYPES = [{ description: 'Scenario (YAML)', accept: { 'text/yaml': ['.yaml', '.yml'] } }];

/** A name that ends in .yaml or .yml. */
export function yamlName(name: string): string {
  const base = name.trim() || 'scenario.yaml';
  return /\.ya?ml$/i.test(base) ? base : `${base.replace(/\.[^./\\]*$/, '')}.yaml`;
}

const aborted = (e: unknown) => (e as { name?: string })?.name === 'AbortError';

export type SaveOutcome = 'saved' | 'downloaded' | 'cancelled';

export class ScenarioFiles {
  /** The file on disk the text belongs to, where the API gives one. */
  private handle: FileHandleLike | null = null;
  name: string;

  constructor(
    name: string,
    private readonly input: HTMLInputElement,
    private readonly win: PickerWindow = window as unknown as PickerWindow,
  ) {
    this.name = name;
  }

  /** True where the browser can write a chosen file again (Save without a download). */
  get canWrite(): boolean {
    return typeof this.win.showSaveFilePicker === 'function';
  }

  /** A file picked by the author, read as text; null when they cancelled. */
  async open(): Promise<{ text: string; name: string } | null> {
    if (typeof this.win.showOpenFilePicker === 'function') {
      try {
        const [handle] = await this.win.showOpenFilePicker({ types: TYPES, multiple: false });
        if (!handle) return null;
        const file = await handle.getFile();
        this.handle = handle;
        this.name = file.name;
        return { text: await file.text(), name: file.name };
      } catch (e) {
        if (aborted(e)) return null;
        throw e;
      }
    }
    const file = await this.pick();
    if (!file) return null;
    this.handle = null;
    this.name = file.name;
    return { text: await file.text(), name: file.name };
  }

  /** The fallback: the hidden file input, resolved when a file is chosen (null if the dialog closes empty). */
  private pick(): Promise<File | null> {
    return new Promise((resolve) => {
      const done = () => {
        this.input.removeEventListener('change', done);
        this.input.removeEventListener('cancel', done);
        const file = this.input.files?.[0] ?? null;
        this.input.value = '';
        resolve(file);
      };
      this.input.addEventListener('change', done);
      this.input.addEventListener('cancel', done);
      this.input.click();
    });
  }

  /** A text started afresh (the template): no file on disk yet. */
  forget(name: string): void {
    this.handle = null;
    this.name = name;
  }

  /** Saves to the file opened or saved before, else asks where (as Save as). */
  async save(text: string): Promise<SaveOutcome> {
    if (this.handle?.createWritable) {
      await this.write(this.handle, text);
      return 'saved';
    }
    return this.saveAs(text);
  }

  /** Asks for a place and a name (or downloads, where the browser cannot ask). */
  async saveAs(text: string): Promise<SaveOutcome> {
    if (typeof this.win.showSaveFilePicker === 'function') {
      try {
        const handle = await this.win.showSaveFilePicker({ suggestedName: yamlName(this.name), types: TYPES });
        await this.write(handle, text);
        this.handle = handle;
        this.name = handle.name;
        return 'saved';
      } catch (e) {
        if (aborted(e)) return 'cancelled';
        throw e;
      }
    }
    download(yamlName(this.name), text);
    return 'downloaded';
  }

  private async write(handle: FileHandleLike, text: string): Promise<void> {
    const w = await handle.createWritable?.();
    if (!w) throw new Error('this browser cannot write the file');
    await w.write(text);
    await w.close();
  }
}

/** Hands the text to the browser as a download named `name`. */
export function download(name: string, text: string): void {
  downloadText(name, text, 'text/yaml;charset=utf-8');
}
