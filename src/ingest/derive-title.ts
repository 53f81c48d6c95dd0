/**
 * A readable title for an entry no dump gave a title to. Abstracts name their contribution
 * ("we propose Structural Mixture of Residual Experts (S'MoRE), …"); that name is the best
 * stand-in a reader can get until a real title arrives.
 */
import { normalizeText } from './normalize-text.ts';

const CONTRIBUTION =
  /\b(?:we|this (?:paper|work|study|article)|the paper)\s+(?:first\s+|then\s+|further\s+)?(?:propose|introduce|present|develop|design|describe)s?\s+([^.;]+)/i;
/** Where the name of a contribution ends and the description of what it does begins. */
const CLAUSE_END = /\s(?:that|which|to|for|where|whereby|by|in order|with)\s|,|\s-\s|:/i;
const LEADING_FILLER =
  /^(?:(?:a|an|the|our|two|three|novel|new|simple|general|effective|efficient|unified|first|yet|and)\s+)+/i;
const MAX_TITLE_LENGTH = 90;

export function deriveTitle(abstract: string): string {
  const text = normalizeText(abstract);
  const contribution = CONTRIBUTION.exec(text)?.[1];
  const fromContribution = contribution ? nameTheContribution(contribution) : null;
  return fromContribution ?? firstWords(text);
}

function nameTheContribution(phrase: string): string | null {
  // "Structural Mixture of Residual Experts (S'MoRE), a novel framework …"
  const acronym = /^(?:a |an |the )?([^()]{3,80}?)\s*\(([^()\s]{2,20})\)/.exec(phrase);
  if (acronym?.[1] && acronym[2] && !/\s(?:that|which)\s/i.test(acronym[1])) {
    return limit(`${acronym[2]}: ${capitalise(acronym[1].replace(LEADING_FILLER, ''))}`);
  }
  // "CAFe, a contrastive-autoregressive fine-tuning framework that …"
  const named = /^([A-Z][\w'’+-]*[A-Z0-9][\w'’+-]*|[A-Z][a-z]+[A-Z][\w'’+-]*)\s*,\s*(.+)$/.exec(phrase);
  if (named?.[1] && named[2]) {
    const description = cutAtClause(named[2].replace(LEADING_FILLER, ''));
    const describes = description.split(' ').length >= 2 && !/^(?:which|that|who)\b/i.test(description);
    return limit(describes ? `${named[1]}: ${capitalise(description)}` : named[1]);
  }
  // "a novel causal reward modeling approach that integrates …"
  const description = cutAtClause(phrase.replace(LEADING_FILLER, ''));
  return description.split(' ').length >= 2 ? limit(capitalise(description)) : null;
}

function cutAtClause(text: string): string {
  const end = CLAUSE_END.exec(text);
  return (end ? text.slice(0, end.index) : text).trim();
}

function firstWords(text: string): string {
  const firstSentence = text.split(/(?<=[.!?])\s/)[0] ?? text;
  const words = firstSentence.replace(/[.!?]$/, '').split(' ');
  return words.length <= 10 ? words.join(' ') : `${words.slice(0, 10).join(' ')}…`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function limit(title: string): string {
  if (title.length <= MAX_TITLE_LENGTH) return title;
  const cut = title.slice(0, MAX_TITLE_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}
