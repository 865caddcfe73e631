// Package readpost: a POST is a read when the code says what it asks
// for, by the name of the value that holds the URL or of the function
// that sends it (token introspection, a reranker, a search backend); a
// POST to a webhook named as such keeps the error.
package readpost

import (
	"context"
	"net/http"
	"strings"
)

type config struct {
	IntrospectEndpoint string
	OrdersURL          string
}

var cfg config

// introspect asks the authorization server whether a token is active
// (RFC 7662): a POST that changes nothing.
func introspect(ctx context.Context, token string) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.IntrospectEndpoint, strings.NewReader("token="+token))
	if err != nil {
		return false, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}

type scorer struct{ base string }

// Rerank sends the results to a scoring service and reads back the
// order.
func (s *scorer) Rerank(ctx context.Context, query string) error {
	req, err := http.NewRequestWithContext(ctx, "POST", s.base, strings.NewReader(query))
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

// placeOrder posts an order to the shop's API: a change elsewhere.
func placeOrder(ctx context.Context, msg string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.OrdersURL, strings.NewReader(msg))
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}

func check(w http.ResponseWriter, r *http.Request) {
	ok, _ := introspect(r.Context(), r.URL.Query().Get("token"))
	if !ok {
		w.WriteHeader(http.StatusUnauthorized)
	}
}

func search(w http.ResponseWriter, r *http.Request) {
	s := &scorer{base: "http://localhost:9000/"}
	_ = s.Rerank(r.Context(), r.URL.Query().Get("q"))
}

func order(w http.ResponseWriter, r *http.Request) {
	_ = placeOrder(r.Context(), r.URL.Query().Get("item"))
}

func routes() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /check", check)
	mux.HandleFunc("GET /search", search)
	mux.HandleFunc("GET /order", order) // want `GET /order reaches mutating HTTP request \(order → placeOrder → http.NewRequestWithContext\) with no authentication$`
	http.ListenAndServe(":8080", mux)
}
