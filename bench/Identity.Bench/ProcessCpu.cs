using System.Globalization;

namespace Identity.Bench;

/// <summary>CPU time a process has used (user + system, from /proc/&lt;pid&gt;/stat). On a machine shared with other
/// work the CPU a request costs is a steadier figure than requests per second.</summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on Linux

    public static double? Milliseconds(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/stat"))
        {
            return null;
        }

        // Fields after the command name, which is in parentheses and may hold spaces.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 1000 / TicksPerSecond;
    }
}
