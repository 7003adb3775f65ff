package report

import (
	"strconv"
	"strings"
)

// chart places the dimensions as horizontal bars on a 0..100 track: the
// band names over their zones, dashed lines at the cut points, and after
// each bar its score and band.
func (l *layout) chart(c chart) {
	const (
		labelW = 54.0 // the dimension's title
		rowH   = 9.5
		barH   = 4.2
	)
	zone := style{false, 7.5, 3.6, faint}
	labelSt := style{false, 9.5, 4.1, ink}
	numSt := style{true, 9, 4, ink}
	wordSt := style{false, 8.5, 4, muted}
	// After the bar, the score and the band: as wide as the widest band's
	// name in the set's language needs.
	wordW := 30.0
	for _, x := range c.rows {
		if x.scored {
			wordW = max(wordW, 13+l.textWidth(wordSt, x.bandName)+1)
		}
	}
	barX := l.left + labelW + 3
	barW := l.width - labelW - 3 - wordW
	at := func(v float64) float64 { return barX + barW*v/100 }

	header := func() {
		l.need(zone.lh + 1.5 + rowH)
		for _, z := range []struct {
			from, to float64
			name     string
		}{{0, c.cuts[0], c.bands[0]}, {c.cuts[0], c.cuts[1], c.bands[1]}, {c.cuts[1], 100, c.bands[2]}} {
			l.emit(op{kind: opText, x: at(z.from), y: l.y, w: at(z.to) - at(z.from), h: zone.lh, s: zone, text: z.name, align: "C"})
		}
		if !l.scratch {
			l.here().lines -= 2
		}
		l.y += zone.lh + 1.5
	}
	footer := func(top float64) {
		bottom := l.y
		for _, cut := range c.cuts {
			l.emit(op{kind: opDash, x: at(cut), y: top - 1, h: bottom + 0.5 - (top - 1), color: muted, width: 0.25})
		}
		for _, v := range []float64{0, c.cuts[0], c.cuts[1], 100} {
			l.emit(op{kind: opText, x: at(v) - 6, y: bottom + 1, w: 12, h: zone.lh, s: zone, text: ftoa(v), align: "C"})
		}
		if !l.scratch {
			l.here().lines -= 3
		}
		l.y = bottom + 1 + zone.lh
	}

	header()
	top := l.y
	for _, x := range c.rows {
		if !l.scratch && l.y+rowH+zone.lh+1 > l.bottom {
			footer(top)
			l.newPage()
			header()
			top = l.y
		}
		y := l.y
		mid := y + rowH/2
		lines := l.balance(labelSt, labelW, x.title)
		ly := mid - float64(len(lines))*labelSt.lh/2
		for i, ln := range lines {
			l.emit(op{kind: opText, x: l.left, y: ly + float64(i)*labelSt.lh, w: labelW, h: labelSt.lh, s: labelSt, text: ln, align: "L"})
		}
		if !l.scratch {
			l.here().lines -= len(lines) - 1
		}
		l.emit(op{kind: opRect, x: barX, y: mid - barH/2, w: barW, h: barH, color: track})
		if x.scored {
			col, ok := bandColor[x.band]
			if !ok {
				col = accent
			}
			w := barW * float64(min(max(x.score, 0), 100)) / 100
			l.emit(op{kind: opRect, x: barX, y: mid - barH/2, w: max(w, 0.8), h: barH, color: col})
			num := strconv.Itoa(x.score)
			l.emit(op{kind: opText, x: barX + barW + 3, y: mid - numSt.lh/2, w: 8, h: numSt.lh, s: numSt, text: num, align: "R"})
			l.emit(op{kind: opText, x: barX + barW + 13, y: mid - wordSt.lh/2, w: wordW - 13, h: wordSt.lh, s: wordSt, text: x.bandName, align: "L"})
			if !l.scratch {
				l.here().lines -= 2
			}
		} else {
			l.emit(op{kind: opText, x: barX + 2, y: mid - zone.lh/2, w: barW - 4, h: zone.lh, s: zone, text: c.unscored, align: "L"})
			if !l.scratch {
				l.here().lines--
			}
		}
		l.y = y + rowH
	}
	footer(top)
}

// balance wraps a label onto at most two lines of about equal length, so
// that no short word is left alone on the second; a longer one ends with
// an ellipsis.
func (l *layout) balance(s style, w float64, t string) []string {
	lines := l.wrap(s, w, t)
	if len(lines) != 2 {
		if len(lines) > 2 {
			return []string{lines[0], l.ellipsis(s, w, strings.Join(lines[1:], " "))}
		}
		return lines
	}
	words := strings.Fields(t)
	best, bestW := lines, l.textWidth(s, lines[0])-l.textWidth(s, lines[1])
	for i := 1; i < len(words); i++ {
		a, b := strings.Join(words[:i], " "), strings.Join(words[i:], " ")
		wa, wb := l.textWidth(s, a), l.textWidth(s, b)
		if wa > w || wb > w {
			continue
		}
		if d := abs(wa - wb); d < abs(bestW) {
			best, bestW = []string{a, b}, d
		}
	}
	return best
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// ellipsis shortens t to fit width w in style s, ending it with "…".
func (l *layout) ellipsis(s style, w float64, t string) string {
	r := []rune(t)
	for len(r) > 0 && l.textWidth(s, string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
