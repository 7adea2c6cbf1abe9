package main

// appendIndent appends src, compact JSON as json.Marshal writes it (no
// white space outside strings), laid out exactly as json.MarshalIndent
// with prefix and indent would lay it out. It exists for speed:
// encoding/json's Indent runs its validating scanner over every byte, which
// was a third of 'estimate --scenarios --json' on 100,000 scenarios
// (issue 15 item 7); src here is already valid. TestAppendIndent checks it
// against json.Indent.
func appendIndent(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	needIndent := false
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if needIndent && c != '}' && c != ']' {
			needIndent = false
			depth++
			newline()
		}
		switch c {
		case '"':
			// Copy the string whole: up to the first quote not escaped.
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j, len(src)-1)
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			needIndent = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if needIndent {
				needIndent = false // an empty object or array stays on one line
			} else {
				depth--
				newline()
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
