// Stub of github.com/openai/openai-go/v3/responses, checked against v3.98.0:
// what the bounds rules (GO205) use. (Model's type, shared.ResponsesModel, is
// a string alias.)
package responses
