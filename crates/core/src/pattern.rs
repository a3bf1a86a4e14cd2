//! The operator's customer-account format: a small regular-expression subset, matched against
//! the whole input.
//!
//! Literals, `.`, classes (`[A-Z0-9-]`, `[^…]`), `\d \w \s` (ASCII), escapes (`\.`), groups
//! `( )`, alternation `|`, and the quantifiers `? * + {n} {n,} {n,m}`. `^` and `$` are
//! accepted and redundant: a pattern always has to match the whole account. That covers account
//! formats (`K-\d{6}`, `[A-Z]{2}\d{4,8}`) at a fraction of a regex engine's size in the
//! download. Matching backtracks; account numbers are short (64 characters at most).

#[derive(Clone, Debug, PartialEq, Eq)]
enum Node {
    Char(char),
    Any,
    Class { ranges: Vec<(char, char)>, negated: bool },
    Group(Vec<Vec<Node>>),
    Repeat { node: Box<Node>, min: u32, max: Option<u32> },
}

/// A compiled pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    alternatives: Vec<Vec<Node>>,
}

impl Pattern {
    pub fn new(source: &str) -> Result<Pattern, String> {
        let chars: Vec<char> = source.chars().collect();
        let mut parser = Parser { chars: &chars, pos: 0 };
        let alternatives = parser.alternatives()?;
        match parser.peek() {
            None => Ok(Pattern { alternatives }),
            Some(c) => Err(format!("unexpected “{c}” at position {}", parser.pos + 1)),
        }
    }

    /// Whether the whole of `text` matches.
    pub fn matches(&self, text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        alternatives(&self.alternatives, &chars, 0, &mut |end| end == chars.len())
    }
}

struct Parser<'a> {
    chars: &'a [char],
    pos: usize,
}

const DIGITS: &[(char, char)] = &[('0', '9')];
const WORD: &[(char, char)] = &[('0', '9'), ('A', 'Z'), ('a', 'z'), ('_', '_')];
const SPACE: &[(char, char)] = &[(' ', ' '), ('\t', '\r')];

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        Some(c)
    }

    fn alternatives(&mut self) -> Result<Vec<Vec<Node>>, String> {
        let mut alternatives = vec![self.sequence()?];
        while self.peek() == Some('|') {
            self.pos += 1;
            alternatives.push(self.sequence()?);
        }
        Ok(alternatives)
    }

    fn sequence(&mut self) -> Result<Vec<Node>, String> {
        let mut nodes = Vec::new();
        while let Some(c) = self.peek() {
            let atom = match c {
                '|' | ')' => break,
                '^' | '$' => {
                    self.pos += 1;
                    continue;
                }
                '?' | '*' | '+' | '{' => {
                    return Err(format!("“{c}” at position {} has nothing to repeat", self.pos + 1))
                }
                _ => self.atom()?,
            };
            nodes.push(self.quantified(atom)?);
        }
        Ok(nodes)
    }

    fn atom(&mut self) -> Result<Node, String> {
        let at = self.pos + 1;
        match self.next() {
            Some('.') => Ok(Node::Any),
            Some('(') => {
                let inner = self.alternatives()?;
                if self.next() != Some(')') {
                    return Err(format!("the group opened at position {at} is not closed"));
                }
                Ok(Node::Group(inner))
            }
            Some('[') => self.class(at),
            Some('\\') => match self.next() {
                Some('d') => Ok(Node::Class { ranges: DIGITS.to_vec(), negated: false }),
                Some('w') => Ok(Node::Class { ranges: WORD.to_vec(), negated: false }),
                Some('s') => Ok(Node::Class { ranges: SPACE.to_vec(), negated: false }),
                Some(c) if !c.is_alphanumeric() => Ok(Node::Char(c)),
                Some(c) => Err(format!("“\\{c}” at position {at} is not supported")),
                None => Err("the pattern ends with a lone “\\”".to_owned()),
            },
            Some(c) => Ok(Node::Char(c)),
            None => Err("the pattern ends too early".to_owned()),
        }
    }

    fn class(&mut self, at: usize) -> Result<Node, String> {
        let negated = self.peek() == Some('^');
        if negated {
            self.pos += 1;
        }
        let mut ranges = Vec::new();
        loop {
            let c = self.next().ok_or_else(|| format!("the class opened at position {at} is not closed"))?;
            match c {
                ']' if !ranges.is_empty() => break,
                '\\' => match self.next() {
                    Some('d') => ranges.extend_from_slice(DIGITS),
                    Some('w') => ranges.extend_from_slice(WORD),
                    Some('s') => ranges.extend_from_slice(SPACE),
                    Some(e) => ranges.push((e, e)),
                    None => return Err("the pattern ends with a lone “\\”".to_owned()),
                },
                start => {
                    let is_range = self.peek() == Some('-') && self.chars.get(self.pos + 1).is_some_and(|&e| e != ']');
                    if is_range {
                        self.pos += 1;
                        let end = self.next().unwrap_or(start);
                        if end < start {
                            return Err(format!("the range “{start}-{end}” is backwards"));
                        }
                        ranges.push((start, end));
                    } else {
                        ranges.push((start, start));
                    }
                }
            }
        }
        Ok(Node::Class { ranges, negated })
    }

    fn quantified(&mut self, node: Node) -> Result<Node, String> {
        let (min, max) = match self.peek() {
            Some('?') => (0, Some(1)),
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('{') => return self.counted(node),
            _ => return Ok(node),
        };
        self.pos += 1;
        Ok(Node::Repeat { node: Box::new(node), min, max })
    }

    fn counted(&mut self, node: Node) -> Result<Node, String> {
        let at = self.pos + 1;
        let close = self.chars[self.pos..].iter().position(|&c| c == '}').map(|offset| self.pos + offset);
        let Some(close) = close else {
            return Err(format!("the “{{” at position {at} is not closed"));
        };
        let body: String = self.chars[self.pos + 1..close].iter().collect();
        let bad = || format!("“{{{body}}}” at position {at} is not a count like {{3}} or {{2,5}}");
        let number = |s: &str| s.trim().parse::<u32>().ok().filter(|&n| n <= 1000);
        let (min, max) = match body.split_once(',') {
            None => number(&body).map(|n| (n, Some(n))).ok_or_else(bad)?,
            Some((lo, "")) => (number(lo).ok_or_else(bad)?, None),
            Some((lo, hi)) => (number(lo).ok_or_else(bad)?, Some(number(hi).ok_or_else(bad)?)),
        };
        if max.is_some_and(|max| max < min) {
            return Err(bad());
        }
        self.pos = close + 1;
        Ok(Node::Repeat { node: Box::new(node), min, max })
    }
}

type Continue<'a> = dyn FnMut(usize) -> bool + 'a;

fn alternatives(alternatives: &[Vec<Node>], text: &[char], pos: usize, k: &mut Continue) -> bool {
    alternatives.iter().any(|sequence| sequence_at(sequence, text, pos, k))
}

fn sequence_at(sequence: &[Node], text: &[char], pos: usize, k: &mut Continue) -> bool {
    match sequence.split_first() {
        None => k(pos),
        Some((first, rest)) => node_at(first, text, pos, &mut |next| sequence_at(rest, text, next, k)),
    }
}

fn node_at(node: &Node, text: &[char], pos: usize, k: &mut Continue) -> bool {
    match node {
        Node::Group(inner) => alternatives(inner, text, pos, k),
        Node::Repeat { node, min, max } => repeat_at(node, *min, *max, 0, text, pos, k),
        single => text.get(pos).is_some_and(|&c| matches_one(single, c)) && k(pos + 1),
    }
}

/// Greedy: one more repetition first, then stopping here.
fn repeat_at(node: &Node, min: u32, max: Option<u32>, count: u32, text: &[char], pos: usize, k: &mut Continue) -> bool {
    let more_allowed = max.is_none_or(|max| count < max);
    // `next != pos` stops an empty repetition from looping forever.
    if more_allowed
        && node_at(node, text, pos, &mut |next| next != pos && repeat_at(node, min, max, count + 1, text, next, k))
    {
        return true;
    }
    count >= min && k(pos)
}

fn matches_one(node: &Node, c: char) -> bool {
    match node {
        Node::Char(expected) => c == *expected,
        Node::Any => c != '\n',
        Node::Class { ranges, negated } => ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&c)) != *negated,
        Node::Group(_) | Node::Repeat { .. } => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(pattern: &str, text: &str) -> bool {
        Pattern::new(pattern).unwrap().matches(text)
    }

    #[test]
    fn account_formats_match_whole_inputs_only() {
        assert!(full(r"^K-\d{6}$", "K-123456"));
        assert!(!full(r"K-\d{6}", "K-12345"));
        assert!(!full(r"K-\d{6}", "K-1234567"));
        assert!(!full(r"K-\d{6}", "xK-123456"));
        assert!(full("[A-Z]{2}[0-9]{4,8}", "DE1234"));
        assert!(full("[A-Z]{2}[0-9]{4,8}", "DE12345678"));
        assert!(!full("[A-Z]{2}[0-9]{4,8}", "DE123456789"));
        assert!(full(r"(KS|RRP)-\w+", "RRP-user_1"));
        assert!(!full(r"(KS|RRP)-\w+", "XY-user"));
        assert!(full(r"[^\s]+", "no-spaces"));
        assert!(!full(r"[^\s]+", "has space"));
        assert!(full(r"a.c\.d", "abc.d"));
        assert!(!full(r"a.c\.d", "abcxd"));
        assert!(full("colou?r", "color") && full("colou?r", "colour"));
        assert!(full("x*", "") && full("(ab)*c", "ababc"));
        assert!(full("[-a-c]+", "-ab-c"));
        assert!(full("(a|ab)(c|bcd)", "abcd"), "backtracks into an earlier alternative");
        assert!(full("(a*)*b", "aaab"), "an empty-matching repetition does not loop");
        assert!(full("ü{2}", "üü"), "counts characters, not bytes");
    }

    #[test]
    fn bad_patterns_say_what_is_wrong() {
        for (pattern, expected) in [
            ("(ab", "not closed"),
            ("[ab", "not closed"),
            ("*a", "nothing to repeat"),
            ("a{2", "not closed"),
            ("a{x}", "not a count"),
            ("a{5,2}", "not a count"),
            ("[z-a]", "backwards"),
            ("a\\", "lone"),
            ("\\p", "not supported"),
            ("a)", "unexpected “)”"),
        ] {
            let error = Pattern::new(pattern).unwrap_err();
            assert!(error.contains(expected), "{pattern}: {error}");
        }
    }
}
