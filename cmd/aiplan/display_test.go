package main

import (
	"net"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fakeX listens on network/addr and answers each connection after reading
// its set-up with reply (nil: never answers).
func fakeX(t *testing.T, network, addr string, reply []byte) net.Listener {
	t.Helper()
	l, err := net.Listen(network, addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() }) //nolint:errcheck // test
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close() //nolint:errcheck // test
				buf := make([]byte, 12)
				c.Read(buf) //nolint:errcheck // test
				if reply == nil {
					time.Sleep(2 * time.Second)
					return
				}
				c.Write(reply) //nolint:errcheck // test
			}()
		}
	}()
	return l
}

// Issue 15 item 2: a stale DISPLAY is found before the driver starts.
func TestProbeX11(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("X11 probe applies to X11 systems")
	}
	dir := t.TempDir()
	fakeX(t, "unix", filepath.Join(dir, "X5"), []byte{1})
	fakeX(t, "unix", filepath.Join(dir, "X6"), []byte{0}) // refuses us (no cookie): still a server
	fakeX(t, "unix", filepath.Join(dir, "X7"), nil)       // accepts, never answers
	fakeX(t, "unix", filepath.Join(dir, "X8"), []byte("HTTP/1.1 400"))
	fakeX(t, "unix", filepath.Join(dir, "X9"), []byte{}) // accepts, closes without a word: a server is there
	tcp := fakeX(t, "tcp", "127.0.0.1:0", []byte{1})
	port := tcp.Addr().(*net.TCPAddr).Port
	cases := []struct {
		display string
		want    string // "" = answers
	}{
		{":5", ""},
		{"unix:5.0", ""},
		{":6", ""},
		{":7", "did not answer within"},
		{":8", "not as an X server"},
		{":9", ""},
		{":87", "no X server listening"},
		{"127.0.0.1:" + strconv.Itoa(port-6000), ""},
		{"127.0.0.1:1", "no X server listening"},
		{"nonsense", "is not of the form"},
		{":x", "is not of the form"},
	}
	for _, c := range cases {
		t.Run(c.display, func(t *testing.T) {
			err := probeX11(c.display, dir, 300*time.Millisecond)
			switch {
			case c.want == "" && err != nil:
				t.Errorf("want the display to answer, got %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Errorf("want an error containing %q, got %v", c.want, err)
			}
		})
	}
}

// The whole command with a DISPLAY where no X server listens: one line,
// exit 1, no GLFW panic.
func TestStaleDisplay(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("display check applies to X11 systems")
	}
	t.Setenv("DISPLAY", ":87")
	var out, errb strings.Builder
	code := run(nil, nil, &out, &errb)
	msg := errb.String()
	if code != exitFail || strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "DISPLAY=:87") {
		t.Errorf("want exit 1 and one line naming DISPLAY=:87, got %d %q", code, msg)
	}
}
