/*
 * A stub bcryptprimitives.dll for TESTS UNDER WINE ONLY; never shipped.
 *
 * The Go 1.26 Windows runtime loads bcryptprimitives.dll from System32 at
 * start and fills its random pool through ProcessPrng. Debian 12's Wine 8.0
 * has no such DLL ("fatal error: bcryptprimitives.dll not found"), so
 * scripts/windows/wine-prefix.sh builds this one with mingw-w64 and copies it
 * into the test prefix's system32. ProcessPrng forwards to RtlGenRandom
 * (SystemFunction036 in advapi32), which Wine implements.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG n = size > 0x40000000 ? 0x40000000 : (ULONG)size;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		size -= n;
	}
	return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	(void)instance;
	(void)reason;
	(void)reserved;
	return TRUE;
}
