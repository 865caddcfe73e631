package a

import (
	"context"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
	"golang.org/x/oauth2/endpoints"
	"golang.org/x/oauth2/github"
	"golang.org/x/oauth2/google"
	"google.golang.org/api/drive/v3"
	"google.golang.org/api/option"
)

var driveScopes = []string{drive.DriveScope} // want `OAuth scope "https://www.googleapis.com/auth/drive" grants every file in the user's Drive`

func configs(ctx context.Context, key []byte) {
	_ = &oauth2.Config{Endpoint: google.Endpoint, Scopes: driveScopes}
	_ = &oauth2.Config{
		Endpoint: github.Endpoint,
		Scopes:   []string{"read:user", "repo", "user"}, // want `OAuth scope "repo" grants full control of every private repository` `OAuth scope "user" grants changing the user's profile`
	}
	_ = oauth2.Config{Endpoint: endpoints.GitHub, Scopes: []string{"admin:org"}} // want `OAuth scope "admin:org" grants administration`
	_ = &clientcredentials.Config{
		TokenURL: "https://login.microsoftonline.com/tenant/oauth2/v2.0/token",
		Scopes:   []string{"https://graph.microsoft.com/.default"}, // silent: client credentials require .default
	}
	_ = &oauth2.Config{Scopes: []string{"Directory.ReadWrite.All"}}               // want `OAuth scope "Directory.ReadWrite.All" grants writing that resource for everyone in the tenant`
	google.DefaultClient(ctx, "https://www.googleapis.com/auth/cloud-platform")   // want `OAuth scope "https://www.googleapis.com/auth/cloud-platform" grants every Google Cloud API`
	google.JWTConfigFromJSON(key, "https://mail.google.com/")                     // want `OAuth scope "https://mail.google.com/" grants all of Gmail`
	_ = option.WithScopes("https://www.googleapis.com/auth/admin.directory.user") // want `grants administration of the Workspace domain's directory`
	cfg := &oauth2.Config{Endpoint: google.Endpoint}
	cfg.Scopes = append(cfg.Scopes, "https://www.googleapis.com/auth/gmail.modify") // want `OAuth scope "https://www.googleapis.com/auth/gmail.modify" grants reading, sending and deleting all mail`
}

func narrow(ctx context.Context) {
	_ = &oauth2.Config{Endpoint: google.Endpoint, Scopes: []string{drive.DriveFileScope, drive.DriveReadonlyScope}}
	_ = &oauth2.Config{Endpoint: github.Endpoint, Scopes: []string{"read:user", "public_repo"}}
	google.DefaultClient(ctx, "https://www.googleapis.com/auth/admin.directory.user.readonly")
	// Common words only count for GitHub's endpoint.
	_ = &oauth2.Config{Endpoint: oauth2.Endpoint{TokenURL: "https://auth.example.com/token"}, Scopes: []string{"user", "workflow"}}
}
