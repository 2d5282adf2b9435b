using System.Runtime.CompilerServices;

namespace Identity.IntegrationTests.Infrastructure;

/// <summary>Process-wide settings for the many servers the tests start side by side.</summary>
internal static class TestHostEnvironment
{
    /// <summary>
    /// Each host would otherwise watch its settings files and content with inotify, and a test run
    /// keeps dozens of hosts alive at once: past the kernel's per-user limit (128 by default) hosts
    /// fail to start. The tests never change those files, so nothing needs watching.
    /// </summary>
    [ModuleInitializer]
    internal static void DisableFileWatching()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
