// Stub of github.com/tmc/langchaingo/prompts, checked against v0.1.14.
package prompts

type PromptTemplate struct {
	Template       string
	InputVariables []string
}

func NewPromptTemplate(template string, inputVars []string) PromptTemplate { return PromptTemplate{} }

type SystemMessagePromptTemplate struct {
	Prompt PromptTemplate
}

func NewSystemMessagePromptTemplate(template string, inputVariables []string) SystemMessagePromptTemplate {
	return SystemMessagePromptTemplate{}
}

type HumanMessagePromptTemplate struct {
	Prompt PromptTemplate
}

func NewHumanMessagePromptTemplate(template string, inputVariables []string) HumanMessagePromptTemplate {
	return HumanMessagePromptTemplate{}
}
