package main

import (
	"flag"
	"log"
	"os"

	"example.com/listeners/internal/config"
	"example.com/listeners/internal/debug"
	"example.com/listeners/internal/envhost"
	"example.com/listeners/internal/loop"
	"example.com/listeners/internal/loopui"
	"example.com/listeners/internal/mcpiface"
	"example.com/listeners/internal/mcpopen"
	"example.com/listeners/internal/mcpsock"
	"example.com/listeners/internal/open"
	"example.com/listeners/internal/sock"
	"example.com/listeners/internal/sockapi"
	"example.com/listeners/internal/taghost"
	"example.com/listeners/internal/tagopen"
	"example.com/listeners/internal/twolisten"
	"example.com/listeners/internal/webui"
	"example.com/listeners/internal/wire"
	"example.com/listeners/internal/world"
	"example.com/listeners/pub"
)

var host, bind string

func main() {
	flag.StringVar(&host, "host", sock.DefaultHost(), "server host (unix:// or tcp://)")
	addr := flag.String("addr", ":9090", "public address")
	flag.StringVar(&bind, "bind", "127.0.0.1", "API address")
	flag.Parse()
	u, err := sock.ParseHost(host)
	if err != nil {
		log.Fatal(err)
	}
	go sock.New(u.Scheme, u.Host).ListenAndServe()
	go open.Serve(*addr)
	if a, err := sockapi.NewAPI(os.TempDir()); err == nil {
		a.Start()
	}
	go sockapi.Dashboard(*addr)
	go loop.Serve(config.Default())
	go loopui.Serve(config.Default())
	go world.Serve()
	go envhost.Serve(os.Args[1])
	go mcpsock.Serve("unix", "/run/user/1000/mcp.sock")
	go mcpopen.Serve(*addr)
	go debug.Serve(config.Default())
	go twolisten.Start(bind, 8088)
	go mcpiface.Serve(bind, 8089)
	go taghost.Serve(&taghost.Config{})
	go tagopen.Serve(tagopen.Config{})
	go wire.Start(*addr)
	log.Print(webui.DefaultTitle())
	log.Fatal(pub.Serve("unix", "/tmp/pub.sock"))
}
