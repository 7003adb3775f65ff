//go:build !race

package questions

const raceEnabled = false
