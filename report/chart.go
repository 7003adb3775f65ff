package report

import (
	"amends/score"
)

// chart draws the dimensions as horizontal bars on a 0..100 track, the
// band names over their zones and dashed lines at the cut points.
func (d *doc) chart(dims []score.DimensionScore) {
	const (
		labelW = 54.0 // the dimension's title
		wordW  = 24.0 // the band's name after the bar
		rowH   = 9.5
		barH   = 4.2
	)
	p := d.pdf
	barX := d.left + labelW + 3
	barW := d.width - labelW - 3 - wordW
	at := func(v float64) float64 { return barX + barW*v/100 }
	zoneStyle := style{false, 7.5, 3.6, faint}
	labelSt := style{false, 9.5, 4.1, ink}
	wordSt := style{false, 8.5, 4, muted}

	// Over the chart: the band names, centred on their zones.
	header := func() {
		d.need(6 + rowH)
		y := d.y()
		d.style(zoneStyle)
		zones := []struct {
			from, to float64
			name     string
		}{{0, d.cuts[0], score.BandWeak}, {d.cuts[0], d.cuts[1], score.BandDeveloping}, {d.cuts[1], 100, score.BandStrong}}
		for _, z := range zones {
			p.SetXY(at(z.from), y)
			p.CellFormat(at(z.to)-at(z.from), zoneStyle.lh, z.name, "", 0, "C", false, 0, "")
		}
		p.SetXY(d.left, y+zoneStyle.lh+1.5)
	}
	// Under it: the cut lines over the rows drawn, and the scale.
	footer := func(top float64) {
		bottom := d.y()
		p.SetDrawColor(muted.r, muted.g, muted.b)
		p.SetLineWidth(0.25)
		p.SetDashPattern([]float64{0.9, 0.9}, 0)
		for _, c := range d.cuts {
			p.Line(at(c), top-1, at(c), bottom+0.5)
		}
		p.SetDashPattern(nil, 0)
		d.style(zoneStyle)
		for _, v := range []float64{0, d.cuts[0], d.cuts[1], 100} {
			p.SetXY(at(v)-6, bottom+1)
			p.CellFormat(12, zoneStyle.lh, ftoa(v), "", 0, "C", false, 0, "")
		}
		p.SetXY(d.left, bottom+1+zoneStyle.lh)
	}

	// Kept on one page when it fits on one.
	if h := zoneStyle.lh + 1.5 + float64(len(dims))*rowH + zoneStyle.lh + 1; h <= d.bottom-d.top {
		d.need(h)
	}
	header()
	top := d.y()
	for _, x := range dims {
		if d.y()+rowH+zoneStyle.lh+1 > d.bottom {
			footer(top)
			d.newPage()
			header()
			top = d.y()
		}
		y := d.y()
		mid := y + rowH/2

		// The title, on up to two lines, centred on the bar.
		lines := d.wrap(labelSt, labelW, oneLine(x.Title))
		if len(lines) > 2 {
			lines = append(lines[:1], ellipsis(d, labelSt, labelW, lines[1]))
		}
		ly := mid - float64(len(lines))*labelSt.lh/2
		d.style(labelSt)
		for i, l := range lines {
			p.SetXY(d.left, ly+float64(i)*labelSt.lh)
			p.CellFormat(labelW, labelSt.lh, l, "", 0, "L", false, 0, "")
		}

		p.SetFillColor(track.r, track.g, track.b)
		p.Rect(barX, mid-barH/2, barW, barH, "F")
		if x.Scored {
			c, ok := bandColor[x.Band]
			if !ok {
				c = accent
			}
			p.SetFillColor(c.r, c.g, c.b)
			w := barW * float64(min(max(x.Score, 0), 100)) / 100
			p.Rect(barX, mid-barH/2, max(w, 0.8), barH, "F")
			d.style(wordSt)
			p.SetXY(barX+barW+3, mid-wordSt.lh/2)
			p.CellFormat(wordW-3, wordSt.lh, x.Band, "", 0, "L", false, 0, "")
		} else {
			d.style(zoneStyle)
			p.SetXY(barX+2, mid-zoneStyle.lh/2)
			p.CellFormat(barW-4, zoneStyle.lh, score.BandUnscored, "", 0, "L", false, 0, "")
		}
		p.SetXY(d.left, y+rowH)
	}
	footer(top)
}

// ellipsis shortens s to fit width w in style s, ending it with "…".
func ellipsis(d *doc, st style, w float64, s string) string {
	d.style(st)
	r := []rune(s)
	for len(r) > 0 && d.pdf.GetStringWidth(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
