package report.dsl.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap a piece of work used, from the garbage collector's reports: the most heap in use just
 * before a collection (the peak, garbage included), and the most still in use just after one (what
 * the work kept reachable, plus old garbage that young collections leave for later). The pools' own
 * peak counters are not added up instead, as the pools do not peak together: their sum can exceed -Xmx.
 */
public final class HeapWatch implements AutoCloseable {

	private static final long MIB = 1024 * 1024;

	private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
			.collect(Collectors.toSet());
	private final AtomicLong maxBeforeGc = new AtomicLong();
	private final AtomicLong maxAfterGc = new AtomicLong();
	private final NotificationListener listener = this::collected;

	public HeapWatch() {
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) collector).addNotificationListener(listener, null, null);
		}
	}

	/** The most heap in use at any collection, or now if that is more. */
	public long peakUsedMiB() {
		return Math.max(maxBeforeGc.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()) / MIB;
	}

	public long maxUsedAfterGcMiB() {
		return maxAfterGc.get() / MIB;
	}

	public static long maxHeapMiB() {
		return Runtime.getRuntime().maxMemory() / MIB;
	}

	private void collected(Notification notification, Object handback) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		var gc = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
		maxBeforeGc.accumulateAndGet(heapUsed(gc.getMemoryUsageBeforeGc()), Math::max);
		maxAfterGc.accumulateAndGet(heapUsed(gc.getMemoryUsageAfterGc()), Math::max);
	}

	private long heapUsed(Map<String, MemoryUsage> usageByPool) {
		return usageByPool.entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
				.mapToLong(pool -> pool.getValue().getUsed()).sum();
	}

	@Override
	public void close() {
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			try {
				((NotificationEmitter) collector).removeNotificationListener(listener);
			} catch (ListenerNotFoundException e) {
				// never added to this collector: nothing to remove
			}
		}
	}
}
