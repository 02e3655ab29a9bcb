import { Converter } from 'opencc-js';
import { pinyin } from 'pinyin-pro';

/**
 * Chinese text helpers for names, cached per character: a registry of a million pupils uses a
 * few thousand distinct characters, so each conversion runs once per character, not per record.
 */
const traditionalToSimplified = Converter({ from: 't', to: 'cn' });
const simplifiedToTraditional = Converter({ from: 'cn', to: 't' });

function cachedPerCharacter(convert: (ch: string) => string): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let out = '';
    for (const ch of text) {
      let converted = cache.get(ch);
      if (converted === undefined) {
        converted = convert(ch);
        cache.set(ch, converted);
      }
      out += converted;
    }
    return out;
  };
}

/** Traditional characters to simplified ones (陳 → 陈); other characters unchanged. */
export const toSimplified = cachedPerCharacter(traditionalToSimplified);

/** Simplified characters to traditional ones (陈 → 陳), used to plant traditional spellings. */
export const toTraditional = cachedPerCharacter(simplifiedToTraditional);

const givenSyllable = cachedPerCharacter((ch) => pinyin(ch, { toneType: 'none', v: true }));
/** A surname reads differently from the same character elsewhere (曾 zeng, not ceng; 单 shan). */
const surnameSyllable = cachedPerCharacter((ch) => pinyin(ch, { toneType: 'none', v: true, surname: 'head' }));

/**
 * Toneless pinyin of a name, one syllable per character separated by spaces (王晓明 → "wang xiao
 * ming"); the first character is read as a surname. Characters without a reading stay as they are.
 */
export function tonelessPinyin(name: string): string {
  const chars = Array.from(name);
  if (chars.length === 0) return '';
  const syllables = [surnameSyllable(chars[0]!)];
  for (let i = 1; i < chars.length; i++) syllables.push(givenSyllable(chars[i]!));
  return syllables.join(' ');
}
