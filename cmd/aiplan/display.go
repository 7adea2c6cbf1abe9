package main

import (
	"errors"
	"fmt"
	"net"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// displayTimeout bounds the X display probe: a display that has not
// answered by then is taken as gone.
const displayTimeout = 3 * time.Second

// x11SocketDir is where local X servers listen (":0" is X0 in it).
const x11SocketDir = "/tmp/.X11-unix"

// displayMissing returns why no window can open, or "" when one can: no
// display named, or an X display that does not answer (a stale DISPLAY
// would otherwise make GLFW panic or hang). Only Linux and the BSDs need
// an X11 or Wayland display.
func displayMissing(getenv func(string) string) string {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios", "js":
		return ""
	}
	display := getenv("DISPLAY")
	if display == "" && getenv("WAYLAND_DISPLAY") == "" {
		return "no display: neither DISPLAY nor WAYLAND_DISPLAY is set, so the window cannot open; " +
			"run it in a desktop session, or use a command such as 'aiplan estimate' (see 'aiplan help')"
	}
	if display == "" {
		return ""
	}
	if err := probeX11(display, x11SocketDir, displayTimeout); err != nil {
		return fmt.Sprintf("no display: DISPLAY=%s %v, so the window cannot open; "+
			"check DISPLAY, or use a command such as 'aiplan estimate' (see 'aiplan help')", display, err)
	}
	return ""
}

// probeX11 connects to the X display named by display ([host]:n[.screen])
// and sends the connection set-up: any reply, even a refusal for want of
// authorisation, shows that an X server is there and answering. The error
// says what failed.
func probeX11(display, socketDir string, timeout time.Duration) error {
	host, num, ok := parseDisplay(display)
	if !ok {
		return errors.New("is not of the form [HOST]:NUMBER[.SCREEN]")
	}
	deadline := time.Now().Add(timeout)
	var addrs [][2]string
	switch {
	case host == "" || host == "unix":
		path := socketDir + "/X" + strconv.Itoa(num)
		addrs = [][2]string{{"unix", path}, {"unix", "@" + path}} // the file, then Linux's abstract name
	case strings.HasPrefix(host, "/"):
		addrs = [][2]string{{"unix", display}, {"unix", host}}
	default:
		addrs = [][2]string{{"tcp", net.JoinHostPort(host, strconv.Itoa(6000+num))}}
	}
	var conn net.Conn
	var err error
	for _, a := range addrs {
		if conn, err = net.DialTimeout(a[0], a[1], time.Until(deadline)); err == nil {
			break
		}
	}
	if err != nil {
		return errors.New("has no X server listening")
	}
	defer conn.Close() //nolint:errcheck // probe only
	if err := conn.SetDeadline(deadline); err != nil {
		return err
	}
	// Set-up request: little-endian, protocol 11.0, no authorisation.
	setup := []byte{'l', 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	if _, err := conn.Write(setup); err != nil {
		return errors.New("closed the connection")
	}
	reply := make([]byte, 1)
	if _, err := conn.Read(reply); err != nil {
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return fmt.Errorf("did not answer within %v", timeout)
		}
		// A server accepted the connection and then closed it: something is
		// listening (an X server refusing an unauthorised probe can do
		// this, seen about 1 time in 3 under xvfb-run). A stale DISPLAY
		// fails to connect or never answers; this one is left to the driver.
		return nil
	}
	if reply[0] > 2 { // 0 refused, 1 accepted, 2 authenticate
		return errors.New("answered, but not as an X server")
	}
	return nil
}

// parseDisplay splits [host]:n[.screen] into host and display number.
func parseDisplay(d string) (host string, num int, ok bool) {
	i := strings.LastIndexByte(d, ':')
	if i < 0 {
		return "", 0, false
	}
	host, rest := d[:i], d[i+1:]
	if j := strings.IndexByte(rest, '.'); j >= 0 {
		rest = rest[:j]
	}
	n, err := strconv.Atoi(rest)
	if err != nil || n < 0 || n > 65535-6000 {
		return "", 0, false
	}
	return host, n, true
}
