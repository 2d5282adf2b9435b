using System.Threading.Channels;
using Identity.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Identity.UnitTests.Hosting;

/// <summary>The schedule every background job shares: at start, then every interval; failures retried; stops on the token.</summary>
public sealed class PeriodicServiceTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Service_RunsAtStartAndAfterEachInterval_WhenClockMoves()
    {
        var time = new FakeTimeProvider();
        using var service = new CountingService(time);
        await service.StartAsync(CancellationToken.None);
        await service.NextRunAsync();

        time.Advance(TimeSpan.FromMinutes(59));
        Assert.False(service.HasPendingRun);
        await service.AdvanceToNextRunAsync(time);

        await service.StopAsync(CancellationToken.None);
        Assert.True(service.Runs >= 2);
    }

    [Fact]
    public async Task Service_RunsAgain_WhenARunFailed()
    {
        var time = new FakeTimeProvider();
        using var service = new CountingService(time) { FailFirstRun = true };
        await service.StartAsync(CancellationToken.None);
        await service.NextRunAsync();

        await service.AdvanceToNextRunAsync(time);

        await service.StopAsync(CancellationToken.None);
        Assert.Equal(1, service.Failures);
        Assert.True(service.Runs >= 2);
    }

    [Fact]
    public async Task Stop_EndsTheWait_WhenNextRunIsHoursAway()
    {
        var time = new FakeTimeProvider();
        using var service = new CountingService(time);
        await service.StartAsync(CancellationToken.None);
        await service.NextRunAsync();

        using var bound = new CancellationTokenSource(Bound);
        await service.StopAsync(bound.Token);

        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
    }

    private sealed class CountingService(TimeProvider time)
        : PeriodicService(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), time)
    {
        private readonly Channel<int> _runs = Channel.CreateUnbounded<int>();

        public bool FailFirstRun { get; init; }

        public int Runs { get; private set; }

        public int Failures { get; private set; }

        public bool HasPendingRun => _runs.Reader.Count > 0;

        public async Task NextRunAsync()
        {
            using var bound = new CancellationTokenSource(Bound);
            await _runs.Reader.ReadAsync(bound.Token);
        }

        /// <summary>
        /// Moves the clock an interval at a time until the next run starts: the service may not have begun
        /// its wait when the clock first moves. A bound on waiting, not on speed.
        /// </summary>
        public async Task AdvanceToNextRunAsync(FakeTimeProvider clock)
        {
            for (var attempt = 0; attempt < 600; attempt++)
            {
                clock.Advance(Interval);
                using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
                try
                {
                    await _runs.Reader.ReadAsync(wait.Token);
                    return;
                }
                catch (OperationCanceledException)
                {
                    // Not waiting yet; move the clock again.
                }
            }

            Assert.Fail("The service did not run again.");
        }

        protected override TimeSpan Interval => TimeSpan.FromHours(1);

        protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            Runs++;
            _runs.Writer.TryWrite(Runs);
            return FailFirstRun && Runs == 1 ? throw new InvalidOperationException("first run fails") : Task.CompletedTask;
        }

        protected override void OnFailed(Exception exception) => Failures++;
    }
}
