// Command orders-service serves the Orders API described in openapi.yaml.
// Some of its routes drift from the description on purpose; a comment on
// each such line names the rule that reports it.
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"
	"time"
)

type newOrder struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/health", health)
	mux.Handle("GET /v1/status", requireToken(http.HandlerFunc(status))) // apiaudit: expect GO106
	mux.Handle("POST /v1/orders", requireToken(http.HandlerFunc(createOrder)))
	mux.Handle("GET /v1/orders/{id}", requireToken(http.HandlerFunc(getOrder)))
	mux.Handle("POST /v1/items", requireToken(http.HandlerFunc(createItem))) // apiaudit: expect GO208
	mux.HandleFunc("GET /v1/items/{id}", getItem)                            // apiaudit: expect GO106
	mux.Handle("/v1/catalog", requireToken(http.HandlerFunc(catalog)))       // apiaudit: expect GO505
	mux.Handle("/v1/tags", requireToken(http.HandlerFunc(tags)))
	mux.Handle("POST /v1/internal/reindex", requireToken(http.HandlerFunc(reindex))) // apiaudit: expect GO504

	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second}
	log.Fatal(srv.ListenAndServe())
}

// requireToken answers 401 unless the request carries the service token.
func requireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+os.Getenv("ORDERS_TOKEN") {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func health(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }

func status(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }

func createOrder(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	var in newOrder
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || len(in.SKU) > 32 || in.Quantity < 1 || in.Quantity > 100 {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func getOrder(w http.ResponseWriter, r *http.Request) { w.Write([]byte(r.PathValue("id"))) }

func createItem(w http.ResponseWriter, r *http.Request) {
	var in newOrder
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func getItem(w http.ResponseWriter, r *http.Request) { w.Write([]byte(r.PathValue("id"))) }

func catalog(w http.ResponseWriter, r *http.Request) { w.Write([]byte("[]")) }

func tags(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Write([]byte("[]"))
}

func reindex(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusAccepted) }
