package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"amends/internal/file"
)

// checkReportPath fails early, before any question, when -o cannot be
// written: a folder, a file there already (a link among them, even one to
// nothing, which the end would refuse) unless -force, or no folder for it.
func checkReportPath(path string, force bool) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a folder; -o takes a file name", path)
	}
	if _, err := os.Lstat(path); err == nil && !force {
		return fmt.Errorf("%s: %w; choose another name, or pass -force to replace it", path, file.ErrExists)
	}
	if fi, err := os.Stat(filepath.Dir(path)); err != nil || !fi.IsDir() {
		return fmt.Errorf("%s: the folder %s does not exist", path, filepath.Dir(path))
	}
	return nil
}

// reportDate is today, or SOURCE_DATE_EPOCH when set, for reproducible reports.
func reportDate() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Now()
}

// shellQuote quotes s for a shell when it needs it.
func shellQuote(s string) string {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' || r == '/') {
			return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
	}
	return s
}
