package io.mallpay.accounting.deadletter;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.LocalDateTime;

/**
 * A re-drive of one dead letter ({@code dead_letter_redrive}): the primary key on the dead
 * letter's message id allows one re-drive per dead letter. {@code redrivenAt} is UTC.
 */
@TableName("dead_letter_redrive")
public class DeadLetterRedrive {

    @TableId(type = IdType.INPUT)
    private String messageId;
    private String newMessageId;
    private LocalDateTime redrivenAt;
    private boolean bodyChanged;

    public DeadLetterRedrive() {
    }

    /** The claim written before publishing; the new message id follows once the broker took it. */
    public static DeadLetterRedrive claim(String messageId, boolean bodyChanged) {
        DeadLetterRedrive r = new DeadLetterRedrive();
        r.messageId = messageId;
        r.bodyChanged = bodyChanged;
        return r;
    }

    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    public String getNewMessageId() {
        return newMessageId;
    }

    public void setNewMessageId(String newMessageId) {
        this.newMessageId = newMessageId;
    }

    public LocalDateTime getRedrivenAt() {
        return redrivenAt;
    }

    public void setRedrivenAt(LocalDateTime redrivenAt) {
        this.redrivenAt = redrivenAt;
    }

    public boolean isBodyChanged() {
        return bodyChanged;
    }

    public void setBodyChanged(boolean bodyChanged) {
        this.bodyChanged = bodyChanged;
    }
}
