package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/github"
)

// GitHub reads issues of one repository with the gateway's GitHub OAuth app.
type GitHub struct {
	repo   string
	client *http.Client // adds the token and refreshes it when it expires
}

func newGitHub(repo string) *GitHub {
	conf := &oauth2.Config{
		ClientID:     os.Getenv("GITHUB_CLIENT_ID"),
		ClientSecret: os.Getenv("GITHUB_CLIENT_SECRET"),
		Endpoint:     github.Endpoint,
		Scopes:       []string{"repo", "read:org"}, // apiaudit: expect GO305
	}
	// The tokens come from the one-time web flow an admin ran for the app.
	tok := &oauth2.Token{
		AccessToken:  os.Getenv("GITHUB_ACCESS_TOKEN"),
		RefreshToken: os.Getenv("GITHUB_REFRESH_TOKEN"),
	}
	return &GitHub{repo: repo, client: conf.Client(context.Background(), tok)}
}

// listIssues returns the repository's open (or, if asked, closed) issues as
// GitHub's JSON.
func (g *GitHub) listIssues(ctx context.Context, state string) (string, error) {
	q := "open"
	if state == "closed" {
		q = "closed"
	}
	url := fmt.Sprintf("https://api.github.com/repos/%s/issues?state=%s&per_page=50", g.repo, q)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Accept", "application/vnd.github+json")
	resp, err := g.client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("github: %s", resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return string(body), err
}
