package io.throughline.inventory;

import io.throughline.platform.Page;
import io.throughline.platform.PageRequest;
import java.util.UUID;

/**
 * Transfers between locations in two steps. Dispatch takes the goods out of the sending location's stock
 * ({@code TRANSFER_OUT}); receipt puts them into the receiving location's ({@code TRANSFER_IN}), both legs under
 * the transfer's id. In between, the units are in neither location.
 */
public interface StockTransfers {

    /**
     * Takes every line out of the sending location in one transaction; refused as a whole when one line is
     * short ({@code 409} naming {@code lines[i].quantity}).
     */
    StockTransfer dispatch(NewTransfer transfer);

    /** Puts the goods into the receiving location; refused ({@code 409}) when they were received already. */
    StockTransfer receive(UUID id);

    StockTransfer get(UUID id);

    /** Transfers leaving or reaching the location, newest first. */
    Page<StockTransfer> ofLocation(UUID locationId, PageRequest page);
}
