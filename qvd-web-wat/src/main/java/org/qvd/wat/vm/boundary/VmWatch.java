package org.qvd.wat.vm.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.qvd.vmas.watch.boundary.VmWatchService;
import org.qvd.vmas.watch.boundary.WatchTicketDto;
import org.qvd.wat.platform.Feedback;

/**
 * View (read-only) or Assist of a user's running desktop (vm-watch.xhtml?id=N&amp;mode=view|assist): opening the page
 * asks the VMAS for a single-use ticket under {@code vm.spy}/{@code vm.assist} (audited), and the page's noVNC opens
 * the relay with it at once (docs/browser.md).
 */
@Named
@ViewScoped
public class VmWatch implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    VmWatchService watch;

    private Long id;
    private String mode;
    private WatchTicketDto ticket;

    public void load() {
        ticket = null;
        if (id == null) {
            return;
        }
        try {
            ticket = "assist".equals(mode) ? watch.assist(id) : watch.view(id);
        } catch (RuntimeException e) {
            Feedback.error(e);
        }
    }

    /** The relay's address (path and query) for this page's one use; empty without a ticket. */
    public String getRelay() {
        return ticket == null ? "" : "/desktop/watch?k=" + ticket.ticketId() + "&t=" + ticket.secret();
    }

    public WatchTicketDto getTicket() {
        return ticket;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getMode() {
        return "assist".equals(mode) ? "assist" : "view";
    }

    public void setMode(String mode) {
        this.mode = mode;
    }
}
