/**
 * The words the synthetic problems are built from. The bundled model's
 * tokenizer has one token per word listed here (see training/), so a
 * question written with these words costs one token per word.
 */

export const NAMES = [
  'Mia', 'Sam', 'Leo', 'Ava', 'Noah', 'Emma', 'Liam', 'Zoe', 'Omar', 'Lily',
  'Ben', 'Nora', 'Eli', 'Ruby', 'Max', 'Ivy', 'Kai', 'Ella', 'Tom', 'Anna',
  'Jack', 'Maya', 'Luca', 'Sara', 'Finn', 'Rosa', 'Owen', 'Iris', 'Ali', 'Jade',
] as const;

/** Countable things, plural. */
export const ITEMS = [
  'apples', 'pencils', 'marbles', 'stickers', 'books', 'cookies', 'shells',
  'coins', 'cards', 'stamps', 'candies', 'balloons', 'flowers', 'eggs',
  'buttons', 'toys', 'beads', 'crayons', 'rocks', 'plums',
] as const;

export const CONTAINERS = ['boxes', 'bags', 'jars', 'baskets'] as const;

/** Everything else a question or a solution may say. */
export const FUNCTION_WORDS = [
  'has', 'have', 'had', 'buys', 'more', 'finds', 'gives', 'to', 'loses',
  'gets', 'from', 'now', 'times', 'as', 'many', 'before', 'splits', 'the',
  'equally', 'into', 'and', 'keeps', 'one', 'box', 'How', 'does', 'also',
  'store', 'sells', 'every', 'day', 'sees', 'at', 'park', 'likes', 'of',
  'them', 'wants', 'friend', 'There', 'are', 'in', 'shop', 'Then', 'After',
  'that', 'Later', 'uses', 'makes', 'with', 'each', 'is', 'years', 'old',
  'pays', 'dollars', 'for', 'a', 'lunch', 'school', 'classmates', 'brother',
  'sister', 'mother', 'father', 'teacher', 'what', 'answer', 'The', 'left',
  'gave', 'bought', 'found', 'lost', 'So', 'total', 'starts', 'He', 'She',
  'they', 'his', 'her', 'does', 'If', 'then',
] as const;
