/** What the page says about its link: the values the opening link held that could not be used. */
import { create } from 'zustand';

interface LinkState {
  /** Each ignored value in words ("count=9999 is not a whole number from 1 to 2000"). */
  ignored: string[];
  setIgnored(ignored: string[]): void;
  /** Adds one more, for a value found unusable later (a truncation the model cannot take). */
  addIgnored(text: string): void;
  dismiss(): void;
}

export const useLinkStore = create<LinkState>((set) => ({
  ignored: [],
  setIgnored: (ignored) => set({ ignored }),
  addIgnored: (text) => set((s) => ({ ignored: [...s.ignored, text] })),
  dismiss: () => set({ ignored: [] }),
}));
