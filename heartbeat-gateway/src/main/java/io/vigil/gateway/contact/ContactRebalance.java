package io.vigil.gateway.contact;

import io.vigil.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The contact group's partition moves: an assigned partition is read again from the beginning and its end offset
 * noted (records before it are a replay); a revoked or lost one is forgotten at once.
 */
final class ContactRebalance implements ConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(ContactRebalance.class);

    private final KafkaConsumer<String, byte[]> kafka;
    private final Map<Integer, Long> liveFrom;
    private final ContactAssignment.Listener listener;
    private final Runnable joined;

    ContactRebalance(KafkaConsumer<String, byte[]> kafka, Map<Integer, Long> liveFrom,
                     ContactAssignment.Listener listener, Runnable joined) {
        this.kafka = kafka;
        this.liveFrom = liveFrom;
        this.listener = listener;
        this.joined = joined;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        joined.run();
        if (partitions.isEmpty()) {
            return;
        }
        kafka.seekToBeginning(partitions);
        kafka.endOffsets(partitions).forEach((tp, end) -> liveFrom.put(tp.partition(), end));
        Set<Integer> numbers = numbers(partitions);
        LOG.infof("contact group: now contacting the computers of %s partitions %s", Topics.COMPUTER_CONFIG, numbers);
        listener.assigned(numbers);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    private void forget(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Set<Integer> numbers = numbers(partitions);
        numbers.forEach(liveFrom::remove);
        LOG.infof("contact group: no longer contacting the computers of partitions %s", numbers);
        listener.revoked(numbers);
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
    }
}
