/// Splits a command line into words the way a POSIX shell does, for pasted curl commands.
///
/// Handles single quotes (literal), double quotes (backslash escapes `" \ $ ` and newline),
/// `$'…'` ANSI-C quotes, backslash escapes and backslash-newline continuations outside quotes.
/// Expansions (`$VAR`, globs) are not performed: a pasted command is taken as written.
enum ShellWords {
    static func split(_ text: String) throws(ExplainInputError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case " ", "\t", "\n", "\r":
                if inWord {
                    words.append(current)
                    current = ""
                    inWord = false
                }
                index += 1
            case "\\":
                // A trailing backslash escapes nothing.
                guard index + 1 < characters.count else {
                    index += 1
                    continue
                }
                let next = characters[index + 1]
                if next != "\n" && next != "\r" {
                    current.append(next)
                    inWord = true
                }
                index += 2
                if next == "\r" && index < characters.count && characters[index] == "\n" { index += 1 }
            case "'":
                guard let close = characters[(index + 1)...].firstIndex(of: "'") else { throw .unterminatedQuote("'") }
                current += String(characters[(index + 1)..<close])
                inWord = true
                index = close + 1
            case "\"":
                index += 1
                var closed = false
                while index < characters.count {
                    let inner = characters[index]
                    if inner == "\"" {
                        closed = true
                        index += 1
                        break
                    }
                    if inner == "\\" && index + 1 < characters.count
                        && ["\"", "\\", "$", "`", "\n"].contains(characters[index + 1])
                    {
                        if characters[index + 1] != "\n" { current.append(characters[index + 1]) }
                        index += 2
                        continue
                    }
                    current.append(inner)
                    index += 1
                }
                guard closed else { throw .unterminatedQuote("\"") }
                inWord = true
            case "$" where index + 1 < characters.count && characters[index + 1] == "'":
                index += 2
                var closed = false
                while index < characters.count {
                    let inner = characters[index]
                    if inner == "'" {
                        closed = true
                        index += 1
                        break
                    }
                    if inner == "\\" && index + 1 < characters.count {
                        current.append(ansiEscape(characters[index + 1]))
                        index += 2
                        continue
                    }
                    current.append(inner)
                    index += 1
                }
                guard closed else { throw .unterminatedQuote("'") }
                inWord = true
            default:
                current.append(character)
                inWord = true
                index += 1
            }
        }
        if inWord { words.append(current) }
        return words
    }

    private static func ansiEscape(_ character: Character) -> Character {
        switch character {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        default: return character
        }
    }
}
