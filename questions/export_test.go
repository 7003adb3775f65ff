package questions

// Generate is generate, for the tests outside the package.
func Generate(n int) []byte { return generate(n) }
