namespace CommunityHealth.Data.Sqlite;

/// <summary>
/// The calling thread's own account from Linux (/proc/thread-self/schedstat): nanoseconds on a CPU and nanoseconds runnable
/// but waiting for one. Diagnostics only — the write gate's opt-in hold statistics and the benchmark's bulk writer; (0, 0)
/// where the file does not exist.
/// </summary>
public static class ThreadSchedStat
{
    public static (long Cpu, long Wait) Read()
    {
        try
        {
            var f = File.ReadAllText("/proc/thread-self/schedstat").Split(' ');
            return (long.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture), long.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (IOException) { return (0, 0); }
    }
}
