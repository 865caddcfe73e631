// Stub of github.com/ollama/ollama/api, checked against v0.17.4: what the
// bounds rules (GO205) use.
package api
